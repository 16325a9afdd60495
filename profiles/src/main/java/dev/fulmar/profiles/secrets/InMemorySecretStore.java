package dev.fulmar.profiles.secrets;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@link SecretStore} in memory: for tests, and for one process's lifetime. */
public final class InMemorySecretStore implements SecretStore {
  private final Map<String, char[]> entries = new HashMap<>();

  private static String key(UUID id, SecretKind kind) {
    return id + "/" + kind.key();
  }

  @Override
  public Availability availability() {
    return Availability.available("in memory (kept until Fulmar exits)");
  }

  @Override
  public synchronized void put(UUID profileId, SecretKind kind, char[] secret) {
    char[] old = entries.put(key(profileId, kind), secret.clone());
    if (old != null) {
      Arrays.fill(old, '\0');
    }
  }

  @Override
  public synchronized Optional<char[]> get(UUID profileId, SecretKind kind) {
    char[] v = entries.get(key(profileId, kind));
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  @Override
  public synchronized void delete(UUID profileId, SecretKind kind) {
    char[] old = entries.remove(key(profileId, kind));
    if (old != null) {
      Arrays.fill(old, '\0');
    }
  }

  /** Number of secrets held (tests). */
  public synchronized int size() {
    return entries.size();
  }
}
