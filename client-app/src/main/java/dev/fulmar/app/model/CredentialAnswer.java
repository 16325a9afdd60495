package dev.fulmar.app.model;

import java.util.Arrays;

/**
 * What the user typed into the credential dialog. The secret is owned by the receiver, who
 * wipes it ({@link #wipe()}) once it was sent (and, when asked, kept in the keychain).
 *
 * @param username the user name (EAP), or null when not asked
 * @param secret the password, code or key
 * @param remember whether to keep the secret in the keychain once the connection works
 */
public record CredentialAnswer(String username, char[] secret, boolean remember) {

  /** Zeroes the secret. */
  public void wipe() {
    Arrays.fill(secret, '\0');
  }

  @Override
  public String toString() {
    return "CredentialAnswer[username=" + username + ", secret=[redacted], remember=" + remember
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
