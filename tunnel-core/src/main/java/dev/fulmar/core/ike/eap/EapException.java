package dev.fulmar.core.ike.eap;

/** An EAP exchange cannot go on: a malformed packet or a failed authentication. */
public class EapException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message that names what happened. */
  public EapException(String message, Throwable cause) {
    super(message, cause);
  }
}
