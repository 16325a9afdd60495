package dev.fulmar.core.ike.eap;

/** A malformed EAP packet or method payload; the message names the field and the offset. */
public final class EapFormatException extends EapException {
  private static final long serialVersionUID = 1L;

  /** With a message that names what is wrong and where. */
  public EapFormatException(String message) {
    super(message, null);
  }
}
