package dev.fulmar.core.ike.auth;

/** The client's own credential cannot be used; the message says why in plain words. */
public final class CredentialException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The file does not exist or cannot be read. */
    FILE_UNREADABLE,
    /** The PKCS#12 password is wrong. */
    WRONG_PASSWORD,
    /** The file is not a PKCS#12 file, is damaged, or uses an unsupported algorithm. */
    CORRUPT_OR_UNSUPPORTED,
    /** The file holds certificates but no private key. */
    NO_PRIVATE_KEY,
    /** The key is of a type IKEv2 signatures do not support here (not RSA or ECDSA). */
    UNSUPPORTED_KEY,
    /** The gateway and this key have no signature hash in common. */
    NO_COMMON_ALGORITHM
  }

  private final Reason reason;

  CredentialException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the credential cannot be used. */
  public Reason reason() {
    return reason;
  }
}
