package dev.fulmar.core.ike.message;

/**
 * An Encrypted (SK) or Encrypted Fragment (SKF) payload did not verify: the ICV was wrong, the
 * padding was malformed, or the body was too short to hold IV and ICV. Such a message is not
 * authentic and is dropped without an answer (RFC 7296 §2.21.2); no plaintext is returned.
 */
public final class IntegrityCheckFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A verification failure described by {@code message}. */
  public IntegrityCheckFailedException(String message) {
    super(message);
  }

  /** A verification failure described by {@code message}, caused by the cipher's {@code cause}. */
  public IntegrityCheckFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
