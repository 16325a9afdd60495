package dev.fulmar.profiles.secrets;

import java.util.Optional;
import java.util.UUID;

/**
 * The store used when no keychain works (e.g. a headless Linux without a Secret Service): keeps
 * nothing, so the user is asked for the secret each time. It never falls back to a file.
 */
public final class UnavailableSecretStore implements SecretStore {
  private final String reason;

  public UnavailableSecretStore(String reason) {
    this.reason = reason;
  }

  @Override
  public Availability availability() {
    return Availability.unavailable(reason);
  }

  @Override
  public void put(UUID profileId, SecretKind kind, char[] secret) throws SecretStoreException {
    // SecretMover adds the consequence ("you will be asked for it each time you connect")
    throw new SecretStoreException("no keychain is available (" + reason + ")");
  }

  @Override
  public Optional<char[]> get(UUID profileId, SecretKind kind) {
    return Optional.empty();
  }

  @Override
  public void delete(UUID profileId, SecretKind kind) {
    // nothing is ever stored
  }
}
