package dev.fulmar.profiles.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import java.util.UUID;

/**
 * The operating system's keychain through java-keyring: Secret Service (libsecret) on Linux,
 * Keychain on macOS, Credential Manager on Windows. Entries use the service name {@code
 * dev.fulmar.vpn} and the account {@code <profile-id>/<kind>}.
 *
 * <p>java-keyring takes and returns secrets as {@code String}, which the JVM cannot wipe; the
 * strings live only for the duration of one call.
 */
public final class KeyringSecretStore implements SecretStore {
  static final String SERVICE = "dev.fulmar.vpn";
  private final Keyring keyring;

  private KeyringSecretStore(Keyring keyring) {
    this.keyring = keyring;
  }

  /**
   * The system keychain if it works (a probe read succeeds), else an {@link UnavailableSecretStore}
   * whose reason says what is missing.
   */
  public static SecretStore openSystem() {
    Keyring k;
    try {
      k = Keyring.create();
    } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
      return new UnavailableSecretStore("no supported keychain on this system: " + reason(e));
    }
    try {
      k.getPassword(SERVICE, "probe");
    } catch (PasswordAccessException e) {
      // an absent entry is reported this way by some backends: the keychain itself answered
      if (!looksLikeMissingEntry(e)) {
        return unavailable(k, e);
      }
    } catch (RuntimeException | LinkageError e) {
      return unavailable(k, e);
    }
    return new KeyringSecretStore(k);
  }

  private static SecretStore unavailable(Keyring k, Throwable e) {
    try {
      k.close();
    } catch (Exception ignored) {
      // closing a broken backend: nothing more to do
    }
    return new UnavailableSecretStore(
        "the keychain ("
            + k.getKeyringStorageType()
            + ") cannot be reached: "
            + reason(e)
            + ". On Linux a Secret Service (GNOME Keyring, KWallet) "
            + "must run in your session");
  }

  private static boolean looksLikeMissingEntry(PasswordAccessException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("not found")
        || m.contains("no such")
        || m.contains("element not found")
        || m.contains("could not find");
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
  }

  private static String account(UUID id, SecretKind kind) {
    return id + "/" + kind.key();
  }

  @Override
  public Availability availability() {
    return Availability.available("the system keychain (" + keyring.getKeyringStorageType() + ")");
  }

  @Override
  public void put(UUID profileId, SecretKind kind, char[] secret) throws SecretStoreException {
    try {
      keyring.setPassword(SERVICE, account(profileId, kind), new String(secret));
    } catch (PasswordAccessException | RuntimeException e) {
      throw new SecretStoreException(
          "the keychain did not store the " + kind.description() + ": " + reason(e), null);
    }
  }

  @Override
  public Optional<char[]> get(UUID profileId, SecretKind kind) throws SecretStoreException {
    try {
      String v = keyring.getPassword(SERVICE, account(profileId, kind));
      return v == null ? Optional.empty() : Optional.of(v.toCharArray());
    } catch (PasswordAccessException e) {
      if (looksLikeMissingEntry(e)) {
        return Optional.empty();
      }
      throw new SecretStoreException(
          "the keychain did not return the " + kind.description() + ": " + reason(e), null);
    } catch (RuntimeException e) {
      throw new SecretStoreException("the keychain failed: " + reason(e), null);
    }
  }

  @Override
  public void delete(UUID profileId, SecretKind kind) throws SecretStoreException {
    try {
      keyring.deletePassword(SERVICE, account(profileId, kind));
    } catch (PasswordAccessException e) {
      if (!looksLikeMissingEntry(e)) {
        throw new SecretStoreException(
            "the keychain did not delete the " + kind.description() + ": " + reason(e), null);
      }
    } catch (RuntimeException e) {
      throw new SecretStoreException("the keychain failed: " + reason(e), null);
    }
  }
}
