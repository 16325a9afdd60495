package dev.fulmar.core.ike.auth;

/** Malformed authentication input from the peer: an ID body, AUTH data or a notify body. */
public final class AuthDataException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message that names what is wrong and where. */
  public AuthDataException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public AuthDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
