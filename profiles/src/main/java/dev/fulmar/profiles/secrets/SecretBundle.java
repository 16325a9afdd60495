package dev.fulmar.profiles.secrets;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Set;

/**
 * Secrets found in an imported file or supplied by the user, held only until they are moved into a
 * {@link SecretStore} or handed to the helper. Never part of a profile; {@link #close()} wipes
 * them; {@link #toString()} never shows them.
 */
public final class SecretBundle implements AutoCloseable {
  private final EnumMap<SecretKind, char[]> values = new EnumMap<>(SecretKind.class);

  public static SecretBundle empty() {
    return new SecretBundle();
  }

  /** Stores a copy of {@code secret} (the caller may wipe its own array). */
  public SecretBundle put(SecretKind kind, char[] secret) {
    char[] old = values.put(kind, secret.clone());
    if (old != null) {
      Arrays.fill(old, '\0');
    }
    return this;
  }

  /** A copy of the secret, or null. */
  public char[] get(SecretKind kind) {
    char[] v = values.get(kind);
    return v == null ? null : v.clone();
  }

  public boolean contains(SecretKind kind) {
    return values.containsKey(kind);
  }

  public Set<SecretKind> kinds() {
    return Set.copyOf(values.keySet());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Overwrites and forgets every secret. */
  @Override
  public void close() {
    values.values().forEach(v -> Arrays.fill(v, '\0'));
    values.clear();
  }

  @Override
  public String toString() {
    return "SecretBundle" + values.keySet();
  }
}
