package dev.fulmar.helper.control;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tunnel that exists only in memory and behaves like the real one at the control boundary:
 * state events in order, a password prompt when a password profile is connected without one
 * (answered mid-connect; a cancel fails at IKE_AUTH with CANCELLED), a wrong password fails at
 * IKE_AUTH with USER_AUTH_FAILED, BUSY for a second profile, scripted failures, reconnects and
 * traffic. For tests and for the app's fake helper; never for users.
 */
public final class InMemoryTunnelService implements TunnelService {
  private final Clock clock;
  private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fake-tunnel");
    t.setDaemon(true);
    return t;
  });
  private final List<TunnelListener> listeners = new CopyOnWriteArrayList<>();
  private volatile TunnelStatus status;
  private volatile TrafficCounters counters;
  private volatile String acceptedPassword;
  private volatile Failure nextFailure;
  private Credentials held;
  private CompletableFuture<TunnelStatus> connecting;
  private Credentials connectingCredentials;

  public InMemoryTunnelService(Clock clock) {
    this.clock = clock;
    this.status = TunnelStatus.disconnected(clock.millis());
  }

  /** Only this EAP password is accepted (default: any non-empty one). */
  public InMemoryTunnelService acceptPassword(String password) {
    acceptedPassword = password;
    return this;
  }

  /** The next connect fails with {@code f}. */
  public InMemoryTunnelService failNextConnect(Failure f) {
    nextFailure = f;
    return this;
  }

  /** Adds traffic to the counters of the tunnel that is up. */
  public synchronized void addTraffic(long bytesIn, long bytesOut, long packetsIn,
      long packetsOut) {
    TrafficCounters c = counters;
    if (c != null) {
      counters = new TrafficCounters(c.bytesIn() + bytesIn, c.bytesOut() + bytesOut,
          c.packetsIn() + packetsIn, c.packetsOut() + packetsOut);
    }
  }

  /** The gateway goes away ({@code RECONNECTING} with {@code cause}) and comes back. */
  public void simulateReconnect(Failure cause) {
    loop.execute(() -> {
      if (status.state() == TunnelState.CONNECTED) {
        TunnelStatus up = status;
        emit(new TunnelStatus(TunnelState.RECONNECTING, up.profile(), up.gateway(),
            clock.millis(), cause, null));
        emit(new TunnelStatus(TunnelState.CONNECTED, up.profile(), up.gateway(),
            clock.millis(), null, up.session()));
      }
    });
  }

  /** Logs a line as the tunnel side would (tests pass secrets here to prove redaction). */
  public void log(LogLevel level, String message) {
    listeners.forEach(l -> l.onLog(level, "ike[fake]", message));
  }

  @Override
  public CompletionStage<TunnelStatus> connect(Profile profile, Credentials credentials,
      PromptHandler prompts) {
    CompletableFuture<TunnelStatus> result = new CompletableFuture<>();
    loop.execute(() -> {
      TunnelStatus now = status;
      if (now.state().isActive()) {
        credentials.close();
        if (profile.name().equals(now.profile()) && now.state() == TunnelState.CONNECTED) {
          result.complete(now);
        } else {
          result.completeExceptionally(new TunnelServiceException(ErrorCode.BUSY, "'"
              + now.profile() + "' is " + now.state().name().toLowerCase() + "; disconnect it "
              + "first"));
        }
        return;
      }
      connecting = result;
      connectingCredentials = credentials;
      emit(new TunnelStatus(TunnelState.CONNECTING, profile.name(), host(profile),
          clock.millis(), null, null));
      log(LogLevel.INFO, "IKE_SA_INIT with " + host(profile));
      authenticate(profile, credentials, prompts, result);
    });
    return result;
  }

  private void authenticate(Profile p, Credentials c, PromptHandler prompts,
      CompletableFuture<TunnelStatus> result) {
    Failure scripted = nextFailure;
    nextFailure = null;
    if (scripted != null) {
      fail(p, c, scripted, result);
      return;
    }
    if (!(p.auth() instanceof Authentication.PasswordEap eap) || c.eapPassword() != null) {
      finish(p, c, c.eapPassword(), result);
      return;
    }
    prompts.ask(new PromptEvent("ask", PromptKind.EAP_CREDENTIALS, p.name(), eap.username(),
        "the gateway " + host(p) + " (authenticated) asks for the password of "
            + eap.username(), null))
        .whenComplete((a, e) -> loop.execute(() -> answered(p, c, a, result)));
  }

  private void answered(Profile p, Credentials c, AnswerPrompt a,
      CompletableFuture<TunnelStatus> result) {
    if (connecting != result) {
      return; // disconnected while asking
    }
    if (a == null || a.cancel()) {
      fail(p, c, new Failure("IKE_AUTH", "CANCELLED", "the connection was cancelled",
          "connect again when you want to", Map.of()), result);
      return;
    }
    finish(p, c, a.secret(), result);
  }

  private void finish(Profile p, Credentials c, SecretText password,
      CompletableFuture<TunnelStatus> result) {
    boolean right = password == null || acceptedPassword == null
        || new String(password.chars()).equals(acceptedPassword);
    if (!right || (password != null && password.isEmpty())) {
      fail(p, c, new Failure("IKE_AUTH", "USER_AUTH_FAILED",
          "the gateway rejected the user name or password",
          "check the user name and password; the account may also be locked or expired",
          Map.of("notify", "AUTHENTICATION_FAILED")), result);
      return;
    }
    held = c;
    connecting = null;
    counters = new TrafficCounters(0, 0, 0, 0);
    TunnelStatus up = new TunnelStatus(TunnelState.CONNECTED, p.name(), host(p), clock.millis(),
        null, details(p));
    emit(up);
    log(LogLevel.INFO, "CHILD_SA established with " + host(p));
    result.complete(up);
  }

  private void fail(Profile p, Credentials c, Failure f, CompletableFuture<TunnelStatus> r) {
    c.close();
    connecting = null;
    emit(new TunnelStatus(TunnelState.ERROR, p.name(), host(p), clock.millis(), f, null));
    log(LogLevel.WARN, f.step() + " failed: " + f.message());
    r.completeExceptionally(TunnelServiceException.connectFailed(f));
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return CompletableFuture.runAsync(() -> {
      TunnelStatus now = status;
      if (now.state() == TunnelState.DISCONNECTED || now.state() == TunnelState.ERROR) {
        return;
      }
      emit(new TunnelStatus(TunnelState.DISCONNECTING, now.profile(), now.gateway(),
          clock.millis(), null, null));
      if (connecting != null) {
        connectingCredentials.close();
        connecting.completeExceptionally(TunnelServiceException.connectFailed(new Failure(
            "IKE_AUTH", "CANCELLED", "the connection was cancelled",
            "connect again when you want to", Map.of())));
        connecting = null;
      }
      counters = null;
      if (held != null) {
        held.close();
        held = null;
      }
      emit(TunnelStatus.disconnected(clock.millis()));
    }, loop);
  }

  @Override
  public TunnelStatus status() {
    return status;
  }

  @Override
  public Optional<TrafficCounters> counters() {
    return Optional.ofNullable(counters);
  }

  @Override
  public CompletionStage<DiagnoseReport> diagnose(Profile profile, Credentials credentials,
      PromptHandler prompts) {
    return CompletableFuture.supplyAsync(() -> {
      try (credentials) {
        Failure f = nextFailure;
        nextFailure = null;
        return f != null
            ? new DiagnoseReport(false, profile.name(), host(profile), 40, null, f, List.of())
            : new DiagnoseReport(true, profile.name(), host(profile), 40, details(profile), null,
                List.of());
      }
    }, loop);
  }

  @Override
  public AutoCloseable subscribe(TunnelListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void emit(TunnelStatus s) {
    status = s;
    listeners.forEach(l -> l.onStatus(s));
  }

  private static String host(Profile p) {
    return p.gateways().isEmpty() ? "" : p.gateway().host();
  }

  private static SessionDetails details(Profile p) {
    return new SessionDetails("192.0.2.1:4500", "client@example.net", host(p),
        "CN=" + host(p), p.auth().method(), "aes256gcm16-prfsha384-ecp384", "aes256gcm16",
        List.of("ecp384"), List.of("10.10.0.2"), List.of("10.10.0.1"), List.of(), true,
        List.of(), "no NAT", true, false);
  }
}
