package dev.fulmar.profiles.secrets;

/**
 * The keychain refused or failed an operation; the message says which and why, never the secret.
 */
public final class SecretStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public SecretStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public SecretStoreException(String message) {
    super(message);
  }
}
