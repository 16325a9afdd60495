package dev.fulmar.helper.daemon;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The secret one connect or diagnose needs, from the request's credentials or, when they lack
 * it, from the client through a prompt. A profile needs one secret: the EAP password
 * (EAP-MSCHAPv2/MD5; a one-time password for EAP-GTC), the PKCS#12 password (certificate and
 * EAP-TLS) or the PSK. The request's copy is taken and the request's credentials wiped at once;
 * the copy lives in the engine's {@link dev.fulmar.helper.tunnel.Credentials} until {@link
 * #close()} (disconnect or failure). The EAP password is asked for when the engine needs it,
 * i.e. after the gateway has authenticated itself; a PKCS#12 password or PSK is asked for before
 * the first message, because the engine's parameters are built with them.
 */
final class ConnectSecrets implements AutoCloseable {
  /** How long the helper waits for an answer; the control server cancels at 5 minutes. */
  private static final long ANSWER_LIMIT_SECONDS = 330;

  private final Profile profile;
  private final PromptHandler prompts;
  private final dev.fulmar.helper.tunnel.Credentials credentials;
  private volatile CompletableFuture<AnswerPrompt> open;
  private volatile boolean refused;
  private volatile boolean closed;

  private ConnectSecrets(Profile profile, char[] given, PromptHandler prompts) {
    this.profile = profile;
    this.prompts = prompts;
    this.credentials = given != null ? dev.fulmar.helper.tunnel.Credentials.given(given)
        : dev.fulmar.helper.tunnel.Credentials.prompting(this::ask);
  }

  /**
   * Takes the secret {@code profile} needs out of {@code request} (wiping the request) and
   * returns it with the profile to use: the request's user name replaces the profile's for
   * password EAP.
   */
  static ConnectSecrets take(Profile profile, Credentials request, PromptHandler prompts) {
    Profile p = profile;
    if (request.username() != null && !request.username().isBlank()
        && p.auth() instanceof Authentication.PasswordEap eap) {
      p = p.toBuilder().auth(new Authentication.PasswordEap(eap.eap(), request.username()))
          .build();
    }
    char[] given = null;
    try {
      SecretText s = secretFor(p.auth(), request);
      given = s == null || s.isWiped() ? null : s.chars();
      return new ConnectSecrets(p, given, prompts);
    } finally {
      if (given != null) {
        Arrays.fill(given, '\0');
      }
      request.close();
    }
  }

  private static SecretText secretFor(Authentication a, Credentials c) {
    if (a instanceof Authentication.Psk) {
      return c.psk();
    }
    if (a.usesCertificate()) {
      return c.pkcs12Password();
    }
    return c.eapPassword();
  }

  /** The profile to connect with (the request's user name applied). */
  Profile profile() {
    return profile;
  }

  /** What the engine takes its secret from. */
  dev.fulmar.helper.tunnel.Credentials credentials() {
    return credentials;
  }

  /** Whether the user cancelled a prompt (the connect then failed for that reason). */
  boolean refused() {
    return refused;
  }

  /** Runs on an engine worker thread: asks the client and waits for its answer. */
  private Optional<char[]> ask(String what) {
    if (closed) {
      return Optional.empty();
    }
    Authentication a = profile.auth();
    PromptKind kind = kindOf(a);
    String user = a.passwordRound().map(Authentication.PasswordEap::username).orElse(null);
    String gateway = profile.gateway().host();
    String hint = switch (kind) {
      case PKCS12_PASSWORD -> "the certificate of the profile '" + profile.name() + "'";
      case PSK -> "the pre-shared key of the profile '" + profile.name() + "' for " + gateway;
      default -> "the gateway " + gateway + " (authenticated) asks for the "
          + (kind == PromptKind.ONE_TIME_PASSWORD ? "one-time password" : "password")
          + (user == null ? "" : " of " + user);
    };
    CompletableFuture<AnswerPrompt> f = prompts.ask(new PromptEvent("pending", kind,
        profile.name(), user, hint, null)).toCompletableFuture();
    open = f;
    if (closed) {
      f.cancel(false); // close() ran before it could see this prompt
    }
    AnswerPrompt answer;
    try {
      answer = f.get(ANSWER_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = null;
    } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
      answer = null;
    } finally {
      open = null;
    }
    if (answer == null || answer.cancel() || answer.secret() == null || closed) {
      refused = true;
      return Optional.empty();
    }
    try (SecretText secret = answer.secret()) {
      return Optional.of(secret.chars());
    }
  }

  static PromptKind kindOf(Authentication a) {
    if (a instanceof Authentication.Psk) {
      return PromptKind.PSK;
    }
    if (a.usesCertificate()) {
      return PromptKind.PKCS12_PASSWORD;
    }
    return a instanceof Authentication.PasswordEap e
        && e.eap() == Authentication.EapMethod.GTC
        ? PromptKind.ONE_TIME_PASSWORD : PromptKind.EAP_CREDENTIALS;
  }

  /** Gives up an open prompt (disconnect while asking) and wipes the secret. */
  @Override
  public void close() {
    closed = true;
    CompletableFuture<AnswerPrompt> f = open;
    if (f != null) {
      f.cancel(false);
    }
    credentials.wipe();
  }
}
