package dev.fulmar.helper.daemon;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.helper.control.TrafficCounters;
import dev.fulmar.helper.control.TunnelListener;
import dev.fulmar.helper.control.TunnelService;
import dev.fulmar.helper.control.TunnelServiceException;
import dev.fulmar.helper.daemon.TunnelFactory.LiveTunnel;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import dev.fulmar.profiles.model.Profile;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's tunnel: {@link TunnelService} over real tunnels, one at a time. Every state change
 * is published in order to the listeners (the control server's clients):
 *
 * <pre>
 *  DISCONNECTED/ERROR ─connect─► CONNECTING ─► CONNECTED ─disconnect─► DISCONNECTING ─► DISCONNECTED
 *                                  │  ▲            │  ▲
 *                       failed or  │  │ reconnect  ▼  │ back up
 *                       cancelled ─┘  │        RECONNECTING (the tunnel reports RECONNECTING or
 *                                     │            │         CONNECTING again after UP)
 *                       ▼             │            │ the gateway deleted it / it failed
 *                     ERROR ◄─────────┴────────────┘
 * </pre>
 *
 * <p>Why one tunnel: the data path owns UDP port 4500 and the routes of a full tunnel cover
 * everything, so a second tunnel would need its own port, device and a rule for overlapping
 * routes (see docs/control-protocol.md). A connect for another profile while one is active is
 * refused with {@code BUSY}.
 *
 * <p>Connects run on their own thread (they block in the engine and on prompts); diagnoses too, at
 * most {@value #MAX_DIAGNOSES} at once. State is guarded by one lock; listeners are called under
 * it, so they see every change in order (they only queue).
 */
final class DaemonTunnelService implements TunnelService, AutoCloseable {
  static final int MAX_DIAGNOSES = 4;
  private static final long CLOSE_WAIT_SECONDS = 30;

  /** Runs one diagnose (negotiate, then delete) with the given secret. */
  @FunctionalInterface
  interface Diagnoser {
    DiagnoseOutcome diagnose(Profile profile, dev.fulmar.helper.tunnel.Credentials credentials)
        throws TunnelException;
  }

  private final TunnelFactory tunnels;
  private final Diagnoser diagnoser;
  private final Clock clock;
  private final List<TunnelListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fulmar-tunnel-work");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore diagnoses = new Semaphore(MAX_DIAGNOSES);
  private final Object lock = new Object();
  private Attempt current;
  private volatile TunnelStatus status;

  DaemonTunnelService(TunnelFactory tunnels, Diagnoser diagnoser, Clock clock) {
    this.tunnels = tunnels;
    this.diagnoser = diagnoser;
    this.clock = clock;
    this.status = TunnelStatus.disconnected(clock.millis());
  }

  @Override
  public CompletionStage<TunnelStatus> connect(Profile profile, Credentials credentials,
      PromptHandler prompts) {
    Attempt a;
    synchronized (lock) {
      if (current != null) {
        credentials.close();
        TunnelStatus now = status;
        if (now.state() == TunnelState.CONNECTED && current.profile.name().equals(profile.name())) {
          return CompletableFuture.completedFuture(now);
        }
        return CompletableFuture.failedFuture(new TunnelServiceException(ErrorCode.BUSY, "'"
            + current.profile.name() + "' is " + now.state().name().toLowerCase(Locale.ROOT)
            + "; disconnect it first (fulmar disconnect)"));
      }
      a = new Attempt(ConnectSecrets.take(profile, credentials, prompts));
      current = a;
      emit(a, TunnelState.CONNECTING, null, null);
    }
    log(a, LogLevel.INFO, "connecting to " + a.host());
    workers.execute(() -> bringUp(a));
    return a.result;
  }

  private void bringUp(Attempt a) {
    try {
      LiveTunnel t = tunnels.open(a.profile, a.secrets.credentials(),
          (state, detail) -> onTunnelState(a, state, detail));
      synchronized (lock) {
        a.tunnel = t;
      }
      if (a.stopping) {
        t.close();
        throw cancelled(dev.fulmar.core.api.FailureStep.PREPARE);
      }
      t.connect();
      synchronized (lock) {
        if (a.stopping) {
          throw cancelled(dev.fulmar.core.api.FailureStep.SET_ROUTES);
        }
        a.up = true;
        emit(a, TunnelState.CONNECTED, null, t.details());
        log(a, LogLevel.INFO, "connected: " + status.session().virtualAddresses() + " via "
            + a.host());
        // watch for the end before anyone learns of the connection: a tunnel that ends at once
        // must still be reported, and the caller must see that report
        t.ended().whenComplete((reason, e) -> onEnded(a, t));
        a.result.complete(status);
      }
    } catch (TunnelException e) {
      failed(a, e);
    } catch (RuntimeException e) {
      failed(a, TunnelException.system(dev.fulmar.core.api.FailureStep.PREPARE,
          "internal error: " + e, e));
    } finally {
      a.broughtUp.complete(null);
    }
  }

  private static TunnelException cancelled(dev.fulmar.core.api.FailureStep step) {
    return TunnelException.of(IkeFailure.of(step, dev.fulmar.core.api.ErrorCode.CANCELLED));
  }

  private void failed(Attempt a, TunnelException e) {
    Failure f = a.stopping || a.secrets.refused()
        ? Reports.failure(IkeFailure.of(e.step(), dev.fulmar.core.api.ErrorCode.CANCELLED))
        : Reports.failure(e);
    if (a.stopping) {
      // disconnect() reports DISCONNECTED once everything is released
      a.result.completeExceptionally(TunnelServiceException.connectFailed(f));
      return;
    }
    a.secrets.close();
    synchronized (lock) {
      if (current == a) {
        current = null;
        emit(a, TunnelState.ERROR, f, null);
      }
    }
    log(a, LogLevel.WARN, "connecting failed at " + f.step() + ": " + f.message());
    a.result.completeExceptionally(TunnelServiceException.connectFailed(f));
  }

  /** A tunnel that was up ended: by disconnect (nothing to do here) or by itself. */
  private void onEnded(Attempt a, LiveTunnel t) {
    Failure f;
    synchronized (lock) {
      if (current != a || a.stopping) {
        return;
      }
      current = null;
      f = t.endFailure().orElse(new Failure("ESTABLISHED", "PEER_DELETED",
          "the tunnel ended: " + t.ended().getNow("unknown reason"),
          "connect again; if it keeps ending, send a diagnostics bundle", Map.of()));
      emit(a, TunnelState.ERROR, f, null);
    }
    a.secrets.close();
    log(a, LogLevel.WARN, "the tunnel went down: " + f.message());
  }

  /** The tunnel's own states: log lines, and RECONNECTING/CONNECTED once it was up. */
  private void onTunnelState(Attempt a, dev.fulmar.helper.run.TunnelState state, String detail) {
    log(a, LogLevel.INFO, state.name().toLowerCase(Locale.ROOT)
        + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    synchronized (lock) {
      if (current != a || !a.up || a.stopping) {
        return;
      }
      boolean lost = state == dev.fulmar.helper.run.TunnelState.RECONNECTING
          || state == dev.fulmar.helper.run.TunnelState.CONNECTING;
      if (lost && status.state() == TunnelState.CONNECTED) {
        emit(a, TunnelState.RECONNECTING, a.tunnel.reconnectReason().orElse(null), null);
      } else if (state == dev.fulmar.helper.run.TunnelState.UP
          && status.state() == TunnelState.RECONNECTING) {
        emit(a, TunnelState.CONNECTED, null, a.tunnel.details());
      }
    }
  }

  @Override
  public CompletionStage<Void> disconnect() {
    Attempt a;
    synchronized (lock) {
      a = current;
      if (a == null) {
        return CompletableFuture.completedFuture(null);
      }
      if (a.stopping) {
        return a.stopped;
      }
      a.stopping = true;
      emit(a, TunnelState.DISCONNECTING, null, null);
    }
    log(a, LogLevel.INFO, "disconnecting");
    workers.execute(() -> takeDown(a));
    return a.stopped;
  }

  private void takeDown(Attempt a) {
    try {
      a.secrets.close(); // gives up an open prompt
      LiveTunnel t;
      synchronized (lock) {
        t = a.tunnel;
      }
      if (t != null) {
        t.close();
      }
      a.broughtUp.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      log(a, LogLevel.WARN, "taking the tunnel down: " + e);
    } finally {
      a.result.completeExceptionally(TunnelServiceException.connectFailed(Reports.failure(
          IkeFailure.of(dev.fulmar.core.api.FailureStep.CLOSE,
              dev.fulmar.core.api.ErrorCode.CANCELLED))));
      synchronized (lock) {
        if (current == a) {
          current = null;
          emit(null, TunnelState.DISCONNECTED, null, null);
        }
      }
      log(a, LogLevel.INFO, "disconnected; the system is restored");
      a.stopped.complete(null);
    }
  }

  @Override
  public TunnelStatus status() {
    return status;
  }

  @Override
  public Optional<TrafficCounters> counters() {
    Attempt a;
    synchronized (lock) {
      a = current;
    }
    if (a == null || !a.up || a.tunnel == null) {
      return Optional.empty();
    }
    return Optional.of(a.tunnel.counters());
  }

  @Override
  public CompletionStage<DiagnoseReport> diagnose(Profile profile, Credentials credentials,
      PromptHandler prompts) {
    if (!diagnoses.tryAcquire()) {
      credentials.close();
      return CompletableFuture.failedFuture(new TunnelServiceException(ErrorCode.BUSY,
          MAX_DIAGNOSES + " diagnoses are running; try again when one has finished"));
    }
    ConnectSecrets secrets = ConnectSecrets.take(profile, credentials, prompts);
    return CompletableFuture.supplyAsync(() -> {
      long start = clock.millis();
      try (secrets) {
        DiagnoseOutcome o = diagnoser.diagnose(secrets.profile(), secrets.credentials());
        if (!o.ok() && secrets.refused()) {
          o = DiagnoseOutcome.failure(o.profileName(), o.gatewayHost(), IkeFailure.of(
              o.failure().step(), dev.fulmar.core.api.ErrorCode.CANCELLED));
        }
        return Reports.report(o, clock.millis() - start);
      } catch (TunnelException e) {
        return new DiagnoseReport(false, profile.name(), profile.gateway().host(),
            clock.millis() - start, null, Reports.failure(e), List.of());
      } finally {
        diagnoses.release();
      }
    }, workers);
  }

  @Override
  public AutoCloseable subscribe(TunnelListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Takes the tunnel down (SIGTERM) and waits until the system is restored. */
  @Override
  public void close() {
    try {
      disconnect().toCompletableFuture().get(CLOSE_WAIT_SECONDS + 15, TimeUnit.SECONDS);
    } catch (Exception e) {
      listeners.forEach(l -> l.onLog(LogLevel.ERROR, "tunnel", "shutting down: " + e));
    }
    workers.shutdownNow();
  }

  /** Publishes a new state; called with the lock held. */
  private void emit(Attempt a, TunnelState state, Failure failure,
      dev.fulmar.control.message.SessionDetails session) {
    TunnelStatus s = a == null ? TunnelStatus.disconnected(clock.millis())
        : new TunnelStatus(state, a.profile.name(), a.host(), clock.millis(), failure, session);
    status = s;
    listeners.forEach(l -> l.onStatus(s));
  }

  private void log(Attempt a, LogLevel level, String text) {
    String source = "tunnel[" + a.profile.name() + "]";
    listeners.forEach(l -> l.onLog(level, source, text));
  }

  /** One connect, from the request until the tunnel is down again. */
  private static final class Attempt {
    final Profile profile;
    final ConnectSecrets secrets;
    final CompletableFuture<TunnelStatus> result = new CompletableFuture<>();
    final CompletableFuture<Void> broughtUp = new CompletableFuture<>();
    final CompletableFuture<Void> stopped = new CompletableFuture<>();
    volatile LiveTunnel tunnel;
    volatile boolean up;
    volatile boolean stopping;

    Attempt(ConnectSecrets secrets) {
      this.secrets = secrets;
      this.profile = secrets.profile();
    }

    /** The gateway in use once the tunnel is up (a fallback, maybe), the primary before. */
    String host() {
      LiveTunnel t = tunnel;
      if (up && t != null) {
        return t.gateway();
      }
      return profile.gateways().isEmpty() ? "" : profile.gateway().host();
    }
  }
}
