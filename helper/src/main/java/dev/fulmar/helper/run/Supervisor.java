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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one tunnel's IKE session alive: starts it, and when a session that was up is lost
 * (retransmissions or dead-peer detection gave up, the path changed without MOBIKE, the gateway
 * redirected us) starts the next one, after a {@link RetryWait} (backoff with jitter) when the
 * loss was a failure. Failures that another attempt cannot fix ({@link Retries}) end the tunnel
 * instead; so does any failure of the very first attempt, which the user is waiting for.
 *
 * <p>The supervisor sequences; its parts decide. {@link GatewayChoice} picks the gateway of each
 * attempt (the profile's gateways in order, a redirect's target) and moves on when one cannot be
 * reached (with an {@link AnswerDeadline} for a gateway that has a fallback after it) and ends
 * redirect loops; {@link PathReaction} says what a changed network or a resume from suspend does
 * to the session. The tunnel behind {@link SupervisorDriver} does the work.
 *
 * <pre>
 *  start ─► CONNECTING ─up─► UP ─lost─► WAITING ─backoff timer, network back─► CONNECTING ─up─► UP
 *             │                │  ▲ path changed, no MOBIKE: at once ──────────► CONNECTING
 *             │                │  │ the engine could not move it (NETWORK_CHANGED): at once ─┘
 *             │                │  └ path changed, MOBIKE: the session moves (stays UP)
 *             ▼ first attempt  ▼ permanent failure                   permanent failure
 *           ENDED ◄────────────┴─────────────────────────────────────────────────┘
 * </pre>
 *
 * <p>Every input is posted to the tunnel's own {@link SessionLoop}, so the state is only touched
 * there and tests drive it with a manual loop and clock. Events of a session are tagged with its
 * generation; those of a session that was replaced are ignored.
 */
final class Supervisor {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

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

  /** A supervisor for a profile with one gateway. */
  Supervisor(SessionLoop loop, SupervisorDriver driver, Backoff backoff, InetAddress home) {
    this(loop, driver, backoff, List.of(GatewayCandidate.resolved(AddressText.of(home), 500,
        home)), Duration.ZERO);
  }

  /**
   * @param gateways the profile's gateways, primary first: where every attempt after a failure
   *     starts, also when an earlier redirect had sent us elsewhere
   * @param firstAnswerLimit how long a gateway that has a successor may take to answer
   *     IKE_SA_INIT before the next one is tried; zero for the engine's own give-up
   */
  Supervisor(SessionLoop loop, SupervisorDriver driver, Backoff backoff,
      List<GatewayCandidate> gateways, Duration firstAnswerLimit) {
    this.loop = loop;
    this.driver = driver;
    this.retryWait = new RetryWait(loop, backoff);
    this.gateways = new GatewayChoice(gateways);
    this.deadline = new AnswerDeadline(loop, firstAnswerLimit);
  }

  /** Starts the first session. */
  void start() {
    loop.execute(() -> {
      if (phase == Phase.IDLE) {
        attempt(Optional.empty());
      }
    });
  }

  /** Session {@code gen} is established. */
  void sessionUp(long gen, SessionInfo info) {
    loop.execute(() -> onUp(gen, info));
  }

  /** The gateway of session {@code gen} answered IKE_SA_INIT: it is there. */
  void answered(long gen) {
    loop.execute(() -> {
      if (gen == generation) {
        deadline.answered();
      }
    });
  }

  /** Session {@code gen} failed, or the gateway deleted it. */
  void sessionLost(long gen, IkeFailure failure) {
    loop.execute(() -> onLost(gen, failure));
  }

  /**
   * Session {@code gen} re-authenticated (RFC 4478) and may bring other settings (virtual
   * address, DNS): the tunnel checks the system configuration again.
   */
  void refreshed(long gen, SessionInfo info) {
    loop.execute(() -> {
      if (gen == generation && phase == Phase.UP) {
        try {
          driver.established(info);
        } catch (TunnelException e) {
          end(e);
        }
      }
    });
  }

  /** MOBIKE moved session {@code gen} to another address of the gateway. */
  void gatewayMoved(long gen, InetAddress gateway) {
    loop.execute(() -> {
      if (gen != generation || phase != Phase.UP || !gateways.moved(gateway)) {
        return;
      }
      try {
        driver.moved(gateway);
      } catch (TunnelException e) {
        LOG.warn("the gateway moved to {}: {}", AddressText.of(gateway), e.getMessage());
      }
    });
  }

  /** The gateway told session {@code gen} to go to {@code to} (RFC 5685). */
  void redirected(long gen, InetAddress to) {
    loop.execute(() -> onRedirect(gen, to));
  }

  /**
   * The way to the gateway changed (another local address, a route, a link that came back):
   * {@code why} says how.
   */
  void pathChanged(String why) {
    loop.execute(() -> onPathChanged(why));
  }

  /** The host woke up after {@code asleep}: the gateway may have forgotten us meanwhile. */
  void resumed(Duration asleep) {
    loop.execute(() -> onResumed(asleep));
  }

  /**
   * Stops supervising: no further attempt, no further callback. Completes with the session in
   * force (for the tunnel to delete it), if any.
   */
  CompletableFuture<Optional<SupervisedSession>> stop() {
    CompletableFuture<Optional<SupervisedSession>> out = new CompletableFuture<>();
    loop.execute(() -> {
      retryWait.cancel();
      deadline.cancel();
      phase = Phase.ENDED;
      SupervisedSession s = current;
      current = null;
      out.complete(Optional.ofNullable(s));
    });
    return out;
  }

  /** The gateway of the session in force or being negotiated. */
  InetAddress target() {
    return gateways.target();
  }

  /** The gateway of the session in force (or the primary), as the profile names it. */
  String gatewayInUse() {
    return gateways.inUse();
  }

  /** The host of {@link #gatewayInUse()} without its address. */
  String gatewayHostInUse() {
    return gateways.inUseHost();
  }

  private void onUp(long gen, SessionInfo info) {
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

  private void onLost(long gen, IkeFailure failure) {
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

  private void onRedirect(long gen, InetAddress to) {
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

  private void onPathChanged(String why) {
    PathReaction r = PathReaction.toPathChange(phase, everUp, upWithMobike());
    if (r == PathReaction.MOVE) {
      LOG.info("{}: moving the session (MOBIKE)", why);
    }
    react(r, why);
  }

  private void onResumed(Duration asleep) {
    String why = "resumed after " + RetryWait.seconds(asleep) + " asleep";
    PathReaction r = PathReaction.toResume(phase, upWithMobike());
    if (r == PathReaction.MOVE || r == PathReaction.CHECK) {
      LOG.info("{}: checking that the gateway still knows us", why);
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
