package dev.fulmar.app.model;

import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.secrets.SecretStoreException;
import dev.fulmar.profiles.secrets.UnavailableSecretStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The profiles module's {@link SecretStore}, reached only from a background thread: opening the
 * OS keychain and each call may block (D-Bus, Keychain prompts), and the UI must not.
 */
final class Keychain {
  private final CompletableFuture<SecretStore> store;
  private final Executor io;

  /** How long opening the keychain may take before the app goes on without it. */
  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);

  Keychain(Supplier<SecretStore> opener, Executor io) {
    this(opener, io, OPEN_TIMEOUT);
  }

  Keychain(Supplier<SecretStore> opener, Executor io, Duration openTimeout) {
    this.io = io;
    // its own thread: a Secret Service that does not answer can block D-Bus for 25 s, and
    // profile listing and saving must not wait behind it
    this.store = CompletableFuture.supplyAsync(() -> {
      try {
        return opener.get();
      } catch (RuntimeException | LinkageError e) {
        return (SecretStore) new UnavailableSecretStore(String.valueOf(e.getMessage()));
      }
    }, r -> {
      Thread t = new Thread(r, "fulmar-app-keychain");
      t.setDaemon(true);
      t.start();
    }).completeOnTimeout(new UnavailableSecretStore("the keychain did not answer within "
        + openTimeout.toMillis() + " ms"), openTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Where secrets are kept ("" while the keychain is still opening or when there is none). */
  String rememberWhere() {
    SecretStore s = store.getNow(null);
    return s != null && s.availability().available() ? s.availability().description() : "";
  }

  /** Why secrets cannot be kept, or "". */
  String unavailableReason() {
    SecretStore s = store.getNow(null);
    return s != null && !s.availability().available() ? s.availability().description() : "";
  }

  /** The stored secrets of {@code kinds} for a profile; the caller wipes them. */
  CompletableFuture<Map<SecretKind, char[]>> load(UUID id, Set<SecretKind> kinds) {
    return store.thenApplyAsync(s -> {
      Map<SecretKind, char[]> out = new EnumMap<>(SecretKind.class);
      for (SecretKind k : kinds) {
        try {
          Optional<char[]> v = s.get(id, k);
          v.ifPresent(chars -> out.put(k, chars));
        } catch (SecretStoreException e) {
          // an unreadable keychain entry is the same as none: the helper will ask
        }
      }
      return out;
    }, io);
  }

  /** Keeps {@code secret} (and wipes it afterwards). */
  CompletableFuture<Void> put(UUID id, SecretKind kind, char[] secret) {
    return store.thenAcceptAsync(s -> {
      try {
        s.put(id, kind, secret);
      } catch (SecretStoreException e) {
        throw new java.util.concurrent.CompletionException(e);
      } finally {
        java.util.Arrays.fill(secret, '\0');
      }
    }, io);
  }

  /** Forgets one secret. */
  CompletableFuture<Void> delete(UUID id, SecretKind kind) {
    return store.thenAcceptAsync(s -> {
      try {
        s.delete(id, kind);
      } catch (SecretStoreException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, io);
  }

  /** Forgets every secret of a profile. */
  CompletableFuture<Void> deleteAll(UUID id) {
    return store.thenAcceptAsync(s -> {
      try {
        s.deleteAll(id);
      } catch (SecretStoreException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, io);
  }

  /** The store itself, once open (imports move secrets into it). */
  CompletableFuture<SecretStore> store() {
    return store;
  }
}
