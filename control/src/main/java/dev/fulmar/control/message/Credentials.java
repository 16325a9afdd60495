package dev.fulmar.control.message;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Secrets a client hands over with {@code connect} or {@code diagnose}: each may be null when the
 * profile does not need it or the helper should ask with a prompt. The helper keeps them only as
 * long as the session needs them and wipes them on disconnect; {@link #toString()} is redacted.
 *
 * @param username the EAP user name, overriding the profile's (null: the profile's)
 * @param eapPassword the EAP password (MSCHAPv2, GTC, MD5)
 * @param pkcs12Password the password of the profile's PKCS#12 bundle
 * @param psk the IKE pre-shared key
 */
public record Credentials(
    String username, SecretText eapPassword, SecretText pkcs12Password, SecretText psk)
    implements AutoCloseable {

  /** No credentials: the helper asks for whatever the profile needs. */
  public static Credentials none() {
    return new Credentials(null, null, null, null);
  }

  /** Only an EAP password. */
  public static Credentials eapPassword(char[] password) {
    return new Credentials(null, SecretText.of(password), null, null);
  }

  /** Only a PKCS#12 password. */
  public static Credentials pkcs12Password(char[] password) {
    return new Credentials(null, null, SecretText.of(password), null);
  }

  /** Whether no field is set. */
  @JsonIgnore
  public boolean isEmpty() {
    return username == null && eapPassword == null && pkcs12Password == null && psk == null;
  }

  /** Wipes every secret. */
  @Override
  public void close() {
    for (SecretText s : new SecretText[] {eapPassword, pkcs12Password, psk}) {
      if (s != null) {
        s.wipe();
      }
    }
  }
}
