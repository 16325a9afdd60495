package dev.fulmar.app.model;

import dev.fulmar.app.files.ReferencedFileException;
import dev.fulmar.app.files.ReferencedFiles;
import dev.fulmar.app.helper.HelperLink;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Connecting and disconnecting: sends {@code connect} with whatever secrets the keychain holds
 * for the profile, answers the helper's prompts through the credential dialog, keeps a secret the
 * user asked to remember only once the connection works, and forgets a remembered one the
 * gateway rejected. The tunnel's state itself is only ever taken from the helper's events.
 */
final class ConnectFlow {
  /** How long a connect may take, prompts included (the helper gives a prompt 5 minutes). */
  static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(6);
  static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final AppState state;
  private final HelperLink link;
  private final Keychain keychain;
  private final UserPrompts prompts;
  private final Executor ui;
  private final Executor io;
  private final java.nio.file.Path profilesDir;
  private final ProfileSaver saver;
  private Attempt attempt;

  /** Saves a changed user profile (a chosen certificate, a typed user name). */
  interface ProfileSaver {
    void save(Profile p);
  }

  /** One connect attempt: its profile and the secrets it used or will keep. */
  private static final class Attempt {
    final ProfileEntry entry;
    final Set<SecretKind> usedRemembered = EnumSet.noneOf(SecretKind.class);
    final Map<SecretKind, char[]> toRemember = new EnumMap<>(SecretKind.class);
    String typedUsername;

    Attempt(ProfileEntry entry) {
      this.entry = entry;
    }

    void wipe() {
      toRemember.values().forEach(c -> Arrays.fill(c, '\0'));
      toRemember.clear();
    }
  }

  /**
   * @param io where files are read (the CA and PKCS#12 files a profile names)
   * @param profilesDir the user's profile directory, where relative file references resolve
   */
  ConnectFlow(AppState state, HelperLink link, Keychain keychain, UserPrompts prompts,
      Executor ui, Executor io, java.nio.file.Path profilesDir, ProfileSaver saver) {
    this.state = state;
    this.link = link;
    this.keychain = keychain;
    this.prompts = prompts;
    this.ui = ui;
    this.io = io;
    this.profilesDir = profilesDir;
    this.saver = saver;
  }

  /** Connects {@code entry} (after asking for a missing certificate file). */
  void connect(ProfileEntry entry) {
    ProfileEntry e = entry;
    if (!e.system() && e.profile() != null) {
      String missing = ProfileEdits.missingCertificate(e.profile(), profilesDir);
      if (missing == null || !missing.isEmpty()) {
        Optional<java.nio.file.Path> chosen =
            prompts.chooseCertificate(e.name(), missing == null ? null : missing);
        if (chosen.isEmpty()) {
          return;
        }
        Profile changed = ProfileEdits.withCertificateFile(e.profile(), chosen.get());
        saver.save(changed);
        e = new ProfileEntry(e.id(), e.name(), e.gateway(), e.authMethod(), false, changed);
      }
    }
    finish();
    Attempt a = new Attempt(e);
    attempt = a;
    state.actionPendingProperty().set(true);
    state.noticeProperty().set(null);
    Set<SecretKind> kinds = kindsFor(e);
    Optional<UUID> id = e.uuid();
    Profile adjusted = e.system() || e.profile() == null ? null
        : ProfileEdits.forConnect(e.profile(), state.settings(), state.policyProperty().get());
    CompletableFuture<Profile> toSend = adjusted == null ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> embedFiles(adjusted), io);
    toSend.thenCompose(p -> (id.isPresent() && !kinds.isEmpty() ? keychain.load(id.get(), kinds)
        : CompletableFuture.completedFuture(Map.<SecretKind, char[]>of()))
            .thenApplyAsync(found -> request(a, p, found), ui))
        .thenCompose(req -> link.call(c -> c.connect(req, CONNECT_TIMEOUT)))
        .whenCompleteAsync((report, err) -> {
          state.actionPendingProperty().set(false);
          if (err == null) {
            succeeded(a);
          } else if (Notices.unwrap(err) instanceof ReferencedFileException f) {
            state.noticeProperty().set(Notice.error("connect.fileUnreadable", a.entry.name(),
                f.getMessage()));
            finish();
          } else {
            Notice n = Notices.of(err);
            if (n != null) {
              state.noticeProperty().set(n);
            }
            if (!Notices.isConnectFailed(err)) {
              finish();
            }
          }
        }, ui);
  }

  /**
   * The profile with the CA and PKCS#12 files it names put inside it, read with the user's
   * rights: the helper refuses file references in profiles users send.
   */
  private Profile embedFiles(Profile p) {
    try {
      return ReferencedFiles.embed(p, profilesDir);
    } catch (ReferencedFileException e) {
      throw new CompletionException(e);
    }
  }

  /** The connect request: the profile to send (null for one the helper knows by name). */
  private Connect request(Attempt a, Profile toSend, Map<SecretKind, char[]> found) {
    a.usedRemembered.addAll(found.keySet());
    Credentials creds = new Credentials(null, secret(found, SecretKind.EAP_PASSWORD),
        secret(found, SecretKind.PKCS12_PASSWORD), secret(found, SecretKind.PSK));
    if (toSend == null) {
      return Connect.byName(a.entry.name(), creds);
    }
    return Connect.withProfile(toSend, creds);
  }

  private static SecretText secret(Map<SecretKind, char[]> found, SecretKind k) {
    char[] c = found.get(k);
    if (c == null) {
      return null;
    }
    try {
      return SecretText.of(c);
    } finally {
      Arrays.fill(c, '\0');
    }
  }

  private static Set<SecretKind> kindsFor(ProfileEntry e) {
    Set<SecretKind> s = EnumSet.noneOf(SecretKind.class);
    if (e.usesEapPassword()) {
      s.add(SecretKind.EAP_PASSWORD);
    }
    if (e.usesCertificate()) {
      s.add(SecretKind.PKCS12_PASSWORD);
    }
    if (e.usesPsk()) {
      s.add(SecretKind.PSK);
    }
    return s;
  }

  /** Disconnects (or cancels a connect in progress). */
  void disconnect() {
    state.actionPendingProperty().set(true);
    link.call(c -> {
      c.disconnect(DISCONNECT_TIMEOUT);
      return null;
    }).whenCompleteAsync((ok, err) -> {
      state.actionPendingProperty().set(false);
      if (err != null) {
        state.noticeProperty().set(Notices.of(err));
      }
    }, ui);
  }

  /** The helper asks for a secret. */
  void onPrompt(PromptEvent p) {
    Attempt a = attempt;
    ProfileEntry e = state.profiles().byName(p.profile()).orElse(a == null ? null : a.entry);
    CredentialRequest req = new CredentialRequest(p.kind(), p.profile() == null ? "" : p.profile(),
        p.username(), p.hint(), p.message(),
        e != null && e.uuid().isPresent() ? keychain.rememberWhere() : "",
        keychain.unavailableReason());
    prompts.askCredentials(req).whenComplete((answer, err) -> {
      if (a != null && a != attempt) {
        // the attempt ended while the dialog was open (failed, cancelled elsewhere): the
        // helper closed the prompt, nothing to answer
        answer.ifPresent(CredentialAnswer::wipe);
        return;
      }
      if (err != null || answer.isEmpty()) {
        send(AnswerPrompt.cancel(p.promptId()));
        return;
      }
      CredentialAnswer ans = answer.get();
      String user = ans.username() == null || ans.username().isBlank() ? null : ans.username().strip();
      AnswerPrompt reply = AnswerPrompt.answer(p.promptId(), user, ans.secret());
      SecretKind kind = kindOf(p.kind());
      if (a != null && a == attempt) {
        if (ans.remember() && kind != null && req.canRemember()) {
          char[] old = a.toRemember.put(kind, ans.secret().clone());
          if (old != null) {
            Arrays.fill(old, '\0');
          }
        }
        if (user != null && p.kind() == PromptKind.EAP_CREDENTIALS) {
          a.typedUsername = user;
        }
      }
      ans.wipe();
      send(reply);
    });
  }

  private void send(AnswerPrompt reply) {
    link.call(c -> {
      c.answer(reply);
      return null;
    }).whenCompleteAsync((ok, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notices.of(err));
      }
    }, ui);
  }

  static SecretKind kindOf(PromptKind k) {
    return switch (k) {
      case EAP_CREDENTIALS -> SecretKind.EAP_PASSWORD;
      case PKCS12_PASSWORD -> SecretKind.PKCS12_PASSWORD;
      case PSK -> SecretKind.PSK;
      case ONE_TIME_PASSWORD -> null;
    };
  }

  /** The helper reported a state: ends the attempt when it settled. */
  void onState(TunnelStatus s) {
    state.actionPendingProperty().set(false);
    Attempt a = attempt;
    if (a == null || s.profile() != null && !a.entry.hasName(s.profile())) {
      return;
    }
    if (s.state() == TunnelState.CONNECTED) {
      succeeded(a);
    } else if (s.state() == TunnelState.ERROR) {
      failed(a, s.failure());
    } else if (s.state() == TunnelState.DISCONNECTED) {
      finish();
    }
  }

  private void succeeded(Attempt a) {
    if (a != attempt) {
      return;
    }
    a.entry.uuid().ifPresent(id -> a.toRemember.forEach((kind, secret) ->
        keychain.put(id, kind, secret).whenCompleteAsync((ok, err) -> {
          if (err != null) {
            state.noticeProperty().set(Notice.error("request.other",
                String.valueOf(Notices.unwrap(err).getMessage())));
          }
        }, ui)));
    a.toRemember.clear();
    Profile p = a.entry.profile();
    if (!a.entry.system() && p != null && a.typedUsername != null
        && !a.typedUsername.equals(ProfileEdits.username(p))) {
      saver.save(ProfileEdits.withUsername(p, a.typedUsername));
    }
    state.settingsProperty().set(state.settings().withLastProfile(a.entry.id()));
    attempt = null;
  }

  private void failed(Attempt a, Failure f) {
    SecretKind rejected = f == null ? null : switch (f.code()) {
      case "USER_AUTH_FAILED", "EAP_FAILED" -> SecretKind.EAP_PASSWORD;
      case "PSK_AUTH_FAILED" -> SecretKind.PSK;
      default -> null;
    };
    if (rejected != null && a.usedRemembered.contains(rejected) && a.entry.uuid().isPresent()) {
      keychain.delete(a.entry.uuid().get(), rejected);
      state.noticeProperty().set(Notice.info("prompt.remembered.forgotten"));
    }
    finish();
  }

  private void finish() {
    if (attempt != null) {
      attempt.wipe();
      attempt = null;
      prompts.dismissCredentials();
    }
  }
}
