package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Supervisor}'s state machine: where the tunnel stands ({@link Phase}), which session
 * generation is in force, and what each input does to it. Runs on the tunnel's loop only (the
 * supervisor posts every input there), so nothing here is synchronized; tests reach it through
 * the supervisor with a manual loop and clock.
 */
final class SupervisorMachine {
  /** Logs as the supervisor: one name for what the user's log calls the reconnect logic. */
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  /**
   * How long the check after a resume waits for the gateway. A gateway that kept our session
   * answers within a second or two; one that cleared it while we slept answers nothing, and the
   * user waiting for the tunnel is better served by a new session after this than after a whole
   * DPD interval (30 s by default). If the network itself is not back yet, the new attempt waits
   * for it like any reconnect.
   */
  static final Duration RESUME_CHECK_WITHIN = Duration.ofSeconds(10);

  /** Where the supervisor stands. */
  enum Phase { IDLE, CONNECTING, UP, WAITING, ENDED }

  private final SessionLoop loop;
  private final SupervisorDriver driver;
  private final RetryWait retryWait;
  private final GatewayChoice gateways;
  private final AnswerDeadline deadline;
  private Phase phase = Phase.IDLE;
  private boolean everUp;
  private long generation;
  private SupervisedSession current;

  SupervisorMachine(SessionLoop loop, SupervisorDriver driver, Backoff backoff,
      List<GatewayCandidate> gateways, Duration firstAnswerLimit) {
    this.loop = loop;
    this.driver = driver;
    this.retryWait = new RetryWait(loop, backoff);
    this.gateways = new GatewayChoice(gateways);
    this.deadline = new AnswerDeadline(loop, firstAnswerLimit);
  }

  /** The gateway of each attempt and the one in use (readable from any thread). */
  GatewayChoice gateways() {
    return gateways;
  }

  /** Each input below is one of {@link Supervisor}'s, on the loop; see there. */
  void start() {
    if (phase == Phase.IDLE) {
      attempt(Optional.empty());
    }
  }

  void answered(long gen) {
    if (gen == generation) {
      deadline.answered();
    }
  }

  void refreshed(long gen, SessionInfo info) {
    if (gen == generation && phase == Phase.UP) {
      try {
        driver.established(info);
      } catch (TunnelException e) {
        end(e);
      }
    }
  }

  void gatewayMoved(long gen, InetAddress gateway) {
    if (gen != generation || phase != Phase.UP || !gateways.moved(gateway)) {
      return;
    }
    try {
      driver.moved(gateway);
    } catch (TunnelException e) {
      LOG.warn("the gateway moved to {}: {}", AddressText.of(gateway), e.getMessage());
    }
  }

  /** Stops for good; returns the session in force, if any. */
  Optional<SupervisedSession> stop() {
    retryWait.cancel();
    deadline.cancel();
    phase = Phase.ENDED;
    SupervisedSession s = current;
    current = null;
    return Optional.ofNullable(s);
  }

  void onUp(long gen, SessionInfo info) {
    if (gen != generation || phase != Phase.CONNECTING) {
      return;
    }
    deadline.cancel();
    gateways.connected();
    try {
      driver.established(info);
    } catch (TunnelException e) {
      end(e);
      return;
    }
    phase = Phase.UP;
    everUp = true;
    retryWait.up();
  }

  void onLost(long gen, IkeFailure failure) {
    if (gen != generation || (phase != Phase.CONNECTING && phase != Phase.UP)) {
      return;
    }
    deadline.cancel();
    abandonCurrent();
    if (phase == Phase.CONNECTING) {
      failed(failure, TunnelException.of(failure), false);
      return;
    }
    if (!Retries.retryable(failure)) {
      end(TunnelException.of(failure));
      return;
    }
    gateways.restart();
    retryWait.lost();
    driver.lost(failure);
    if (failure.code() == ErrorCode.NETWORK_CHANGED) {
      // The session could not follow the new address; the new one is there already.
      driver.state(TunnelState.RECONNECTING, failure.reason());
      attempt(Optional.empty());
      return;
    }
    waitThenAttempt(failure.reason());
  }

  /**
   * The attempt in progress failed with {@code f} ({@code e} for the user): the next gateway,
   * a wait before the next attempt, or the end.
   *
   * @param openFailed the attempt could not even start (no way to that gateway)
   */
  private void failed(IkeFailure f, TunnelException e, boolean openFailed) {
    GatewayChoice.Failover next = gateways.failed(f, e, openFailed);
    if (next.movedOn()) {
      driver.state(everUp ? TunnelState.RECONNECTING : TunnelState.CONNECTING, next.next());
      attempt(Optional.empty());
      return;
    }
    if (!everUp || !Retries.retryable(f)) {
      end(next.error());
      return;
    }
    gateways.restart();
    waitThenAttempt(next.error().getMessage());
  }

  private void waitThenAttempt(String reason) {
    Duration wait = retryWait.next();
    phase = Phase.WAITING;
    driver.state(TunnelState.RECONNECTING, reason + "; " + retryWait.describe(wait));
    retryWait.schedule(wait, () -> {
      if (phase == Phase.WAITING) {
        attempt(Optional.empty());
      }
    });
  }

  private void attempt(Optional<InetAddress> redirectedFrom) {
    generation++;
    phase = Phase.CONNECTING;
    deadline.reset();
    Optional<IkeFailure> unresolved = gateways.aim(redirectedFrom);
    if (unresolved.isPresent()) {
      failed(unresolved.get(), TunnelException.of(unresolved.get()), false);
      return;
    }
    try {
      current = driver.open(generation, gateways.target(), redirectedFrom);
    } catch (TunnelException e) {
      current = null;
      IkeFailure f = e.ikeFailure() != null ? e.ikeFailure()
          : IkeFailure.of(e.step(), ErrorCode.SOCKET_FAILED, "local", "this host",
              "cause", String.valueOf(e.getMessage()));
      failed(f, e, e.ikeFailure() == null);
      return;
    }
    if (gateways.hasFallback()) {
      long gen = generation;
      deadline.start(() -> onNoAnswer(gen));
    }
  }

  /** The gateway of session {@code gen} did not answer IKE_SA_INIT in time; another one may. */
  private void onNoAnswer(long gen) {
    if (gen != generation || phase != Phase.CONNECTING) {
      return;
    }
    abandonCurrent();
    IkeFailure f = deadline.unanswered(gateways.target());
    failed(f, TunnelException.of(f), false);
  }

  void onRedirect(long gen, InetAddress to) {
    if (gen != generation || (phase != Phase.CONNECTING && phase != Phase.UP)) {
      return;
    }
    InetAddress from = gateways.target();
    Optional<IkeFailure> tooMany = gateways.redirect(to, loop.nanoTime());
    if (tooMany.isPresent()) {
      end(TunnelException.of(tooMany.get()));
      return;
    }
    abandonCurrent();
    driver.state(everUp ? TunnelState.RECONNECTING : TunnelState.CONNECTING,
        "redirected by " + AddressText.of(from) + " to " + AddressText.of(to));
    attempt(Optional.of(from));
  }

  void onPathChanged(String why) {
    PathReaction r = PathReaction.toPathChange(phase, everUp, upWithMobike());
    if (r == PathReaction.MOVE) {
      LOG.info("{}: moving the session (MOBIKE)", why);
    }
    react(r, why);
  }

  void onResumed(Duration asleep) {
    String why = "resumed after " + RetryWait.seconds(asleep) + " asleep";
    PathReaction r = PathReaction.toResume(phase, upWithMobike());
    if (r == PathReaction.MOVE || r == PathReaction.CHECK) {
      LOG.info("{}: checking that the gateway still knows us", why);
      current.answerNextCheckWithin(RESUME_CHECK_WITHIN);
    }
    react(r, why);
  }

  private boolean upWithMobike() {
    return phase == Phase.UP && current.mobike();
  }

  private void react(PathReaction r, String why) {
    if (r == PathReaction.MOVE) {
      current.addressChanged();
    } else if (r == PathReaction.CHECK) {
      current.checkLiveness();
    } else if (r.startsOver()) {
      retryWait.cancel();
      abandonCurrent();
      driver.state(TunnelState.RECONNECTING, r.detail(why));
      gateways.restart();
      attempt(Optional.empty());
    }
  }

  /** Abandons the session in force or being negotiated, if any; its later events are ignored. */
  private void abandonCurrent() {
    SupervisedSession s = current;
    current = null;
    if (s != null) {
      s.abandon();
    }
  }

  private void end(TunnelException why) {
    retryWait.cancel();
    deadline.cancel();
    phase = Phase.ENDED;
    abandonCurrent();
    driver.ended(why, everUp);
  }
}
