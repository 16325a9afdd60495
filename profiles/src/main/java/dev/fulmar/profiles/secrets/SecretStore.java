package dev.fulmar.profiles.secrets;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a profile's secrets live: the operating system's keychain (Secret Service, macOS Keychain,
 * Windows Credential Manager), or nowhere (then the user is asked each time). Never a plain file.
 * Entries are keyed by profile id and {@link SecretKind}.
 */
public interface SecretStore {

  /** Whether secrets can be kept at all, and if not, why (shown to the user). */
  Availability availability();

  /** Stores (or replaces) a secret. The caller keeps ownership of {@code secret} and wipes it. */
  void put(UUID profileId, SecretKind kind, char[] secret) throws SecretStoreException;

  /** The stored secret (the caller wipes it after use), or empty. */
  Optional<char[]> get(UUID profileId, SecretKind kind) throws SecretStoreException;

  /** Removes a secret; removing an absent one is not an error. */
  void delete(UUID profileId, SecretKind kind) throws SecretStoreException;

  /** Removes every secret of a profile (when the profile is deleted). */
  default void deleteAll(UUID profileId) throws SecretStoreException {
    for (SecretKind k : SecretKind.values()) {
      delete(profileId, k);
    }
  }

  /** Keychain availability with a reason in plain words. */
  record Availability(boolean available, String description) {
    public static Availability available(String description) {
      return new Availability(true, description);
    }

    public static Availability unavailable(String reason) {
      return new Availability(false, reason);
    }
  }
}
