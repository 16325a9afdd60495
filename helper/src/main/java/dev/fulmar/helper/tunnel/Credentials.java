package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.CredentialProvider;
import dev.fulmar.core.api.Secret;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The secrets a connection may need, from wherever the caller got them: a line read with {@code
 * --password-stdin}, the profile file's own secrets, or an interactive prompt that is only run when
 * the engine asks (after the gateway authenticated). Never printed; {@link #wipe()} forgets them.
 *
 * <p>One given secret serves the profile's one need: the EAP password, the PKCS#12 password or
 * the PSK, whichever the profile's authentication method uses.
 */
public final class Credentials implements AutoCloseable {
  /** Asks the user for a secret; {@code what} says which ("password for alice"). */
  @FunctionalInterface
  public interface Prompt {
    Optional<char[]> ask(String what);
  }

  private final char[] given;
  private final Prompt prompt;

  private Credentials(char[] given, Prompt prompt) {
    this.given = given;
    this.prompt = prompt;
  }

  /** A secret given up front (its characters are copied; wipe the original). */
  public static Credentials given(char[] secret) {
    return new Credentials(secret.clone(), null);
  }

  /** Secrets asked for interactively when needed. */
  public static Credentials prompting(Prompt prompt) {
    return new Credentials(null, prompt);
  }

  /** No secrets at all: a profile that needs one fails with CREDENTIALS_MISSING. */
  public static Credentials none() {
    return new Credentials(null, null);
  }

  /** The secret for {@code what}, given or prompted now, if there is one. */
  public Optional<char[]> now(String what) {
    if (given != null) {
      return Optional.of(given.clone());
    }
    return prompt == null ? Optional.empty() : prompt.ask(what);
  }

  /**
   * A provider for the engine: a fresh copy of the given secret per request, or the prompt run
   * off the session's loop; fails with {@code missing} when there is neither.
   */
  public CredentialProvider provider(Function<String, RuntimeException> missing) {
    return request -> {
      String what = "password for " + request.identity() + " at " + request.gateway();
      if (given != null) {
        return CompletableFuture.completedFuture(Secret.ofChars(given));
      }
      if (prompt == null) {
        return CompletableFuture.failedFuture(missing.apply(what));
      }
      return CompletableFuture.supplyAsync(() -> {
        char[] typed = prompt.ask(what).orElseThrow(() -> missing.apply(what));
        try {
          return Secret.ofChars(typed);
        } finally {
          Arrays.fill(typed, '\0');
        }
      });
    };
  }

  /** Zeroes the given secret. */
  public void wipe() {
    if (given != null) {
      Arrays.fill(given, '\0');
    }
  }

  @Override
  public void close() {
    wipe();
  }

  @Override
  public String toString() {
    return "Credentials[" + (given != null ? "given" : prompt != null ? "prompt" : "none") + "]";
  }
}
