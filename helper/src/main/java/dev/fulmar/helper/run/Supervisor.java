package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.RetransmissionPolicy;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one tunnel's IKE session alive: starts it, and when a session that was up is lost
 * (retransmissions or dead-peer detection gave up, the path changed without MOBIKE, the gateway
 * redirected us) starts the next one, after a {@link Backoff} wait when the loss was a failure.
 * Failures that another attempt cannot fix ({@link Retries}) end the tunnel instead; so does any
 * failure of the very first attempt, which the user is waiting for.
 *
 * <p>Each attempt (the first and every reconnect) tries the profile's gateways in order
 * ({@link GatewayRound}): when one cannot be reached or does not answer ({@link
 * GatewayCandidate#movesOn}), the next one is tried at once; any other failure is reported as
 * it is. When a gateway has a successor, it gets {@code firstAnswerLimit} to answer IKE_SA_INIT
 * instead of the engine's full retransmission give-up, so that a dead primary costs seconds,
 * not a minute. When every gateway failed, the failure names each one with why.
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
  /** More redirects than this within {@link #REDIRECT_WINDOW} end the tunnel (RFC 5685 §10). */
  static final int MAX_REDIRECTS = 5;
  static final Duration REDIRECT_WINDOW = Duration.ofMinutes(5);

  /** What the supervisor asks of the tunnel; called on the loop. */
  interface Driver {
    /**
     * Starts negotiating session {@code generation} with {@code gateway}; its outcome comes back
     * through {@link #sessionUp} or {@link #sessionLost} with that generation.
     *
     * @param redirectedFrom the gateway that redirected us here (RFC 5685 REDIRECTED_FROM)
     * @throws TunnelException when the attempt cannot even start (no route to the gateway)
     */
    Session open(long generation, InetAddress gateway, Optional<InetAddress> redirectedFrom)
        throws TunnelException;

    /**
     * A session is up: configure the system (the first time) or check it still fits.
     *
     * @throws TunnelException when the system cannot be configured; the tunnel ends
     */
    void established(SessionInfo info) throws TunnelException;

    /**
     * The session in force now talks to {@code gateway} (MOBIKE moved it): let it through the
     * kill switch, route it around the tunnel, send keepalives there.
     */
    void moved(InetAddress gateway) throws TunnelException;

    /** The tunnel's state changed, with one line of detail. */
    void state(TunnelState state, String detail);

    /**
     * The session that was up is lost for {@code why}, and the tunnel reconnects (the state
     * {@link TunnelState#RECONNECTING} follows); the next {@link #established} ends that.
     */
    void lost(IkeFailure why);

    /** The tunnel ends by itself; called once, never after {@link #stop()}. */
    void ended(TunnelException why, boolean wasUp);
  }

  /** One IKE session as the supervisor drives it. */
  interface Session {
    /** Whether MOBIKE was negotiated: the session can move to a new local address. */
    boolean mobike();

    /** Moves the session to the current local address (MOBIKE UPDATE_SA_ADDRESSES). */
    void addressChanged();

    /** Checks now that the gateway still answers (after a resume); a loss is reported. */
    void checkLiveness();

    /** Deletes the session without waiting; its later events are ignored. Idempotent. */
    void abandon();
  }

  private enum Phase { IDLE, CONNECTING, UP, WAITING, ENDED }

  private final SessionLoop loop;
  private final Driver driver;
  private final Backoff backoff;
  private final GatewayRound round;
  private final Duration firstAnswerLimit;
  private final Deque<Long> redirects = new ArrayDeque<>();
  private Phase phase = Phase.IDLE;
  private boolean everUp;
  private long generation;
  private Session current;
  private InetAddress target;
  private boolean redirectedSession;
  private boolean answered;
  private volatile String inUse;
  private volatile String inUseHost;
  private SessionLoop.Timer retry;
  private SessionLoop.Timer answerTimer;

  /** A supervisor for a profile with one gateway. */
  Supervisor(SessionLoop loop, Driver driver, Backoff backoff, InetAddress home) {
    this(loop, driver, backoff, List.of(GatewayCandidate.resolved(AddressText.of(home), 500,
        home)), Duration.ZERO);
  }

  /**
   * @param gateways the profile's gateways, primary first: where every attempt after a failure
   *     starts, also when an earlier redirect had sent us elsewhere
   * @param firstAnswerLimit how long a gateway that has a successor may take to answer
   *     IKE_SA_INIT before the next one is tried; zero for the engine's own give-up
   */
  Supervisor(SessionLoop loop, Driver driver, Backoff backoff, List<GatewayCandidate> gateways,
      Duration firstAnswerLimit) {
    this.loop = loop;
    this.driver = driver;
    this.backoff = backoff;
    this.round = new GatewayRound(gateways);
    this.firstAnswerLimit = firstAnswerLimit;
    this.target = round.current().address();
    this.inUse = round.current().label();
    this.inUseHost = round.current().host();
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
        answered = true;
        cancelAnswerTimer();
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
      if (gen != generation || phase != Phase.UP || gateway.equals(target)) {
        return;
      }
      target = gateway;
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
  CompletableFuture<Optional<Session>> stop() {
    CompletableFuture<Optional<Session>> out = new CompletableFuture<>();
    loop.execute(() -> {
      cancelRetry();
      cancelAnswerTimer();
      phase = Phase.ENDED;
      Session s = current;
      current = null;
      out.complete(Optional.ofNullable(s));
    });
    return out;
  }

  /** The gateway of the session in force or being negotiated. */
  InetAddress target() {
    return target;
  }

  /** The gateway of the session in force (or the primary), as the profile names it. */
  String gatewayInUse() {
    return inUse;
  }

  /** The host of {@link #gatewayInUse()} without its address. */
  String gatewayHostInUse() {
    return inUseHost;
  }

  private void onUp(long gen, SessionInfo info) {
    if (gen != generation || phase != Phase.CONNECTING) {
      return;
    }
    cancelAnswerTimer();
    inUse = redirectedSession ? AddressText.of(target) : round.current().label();
    inUseHost = redirectedSession ? AddressText.of(target) : round.current().host();
    if (!round.tried().isEmpty()) {
      LOG.info("connected through gateway {} after {}", inUse, String.join("; ",
          round.tried()));
    }
    try {
      driver.established(info);
    } catch (TunnelException e) {
      end(e);
      return;
    }
    phase = Phase.UP;
    everUp = true;
    backoff.up(loop.nanoTime());
  }

  private void onLost(long gen, IkeFailure failure) {
    if (gen != generation || (phase != Phase.CONNECTING && phase != Phase.UP)) {
      return;
    }
    cancelAnswerTimer();
    Session lost = current;
    current = null;
    if (lost != null) {
      lost.abandon();
    }
    if (phase == Phase.CONNECTING) {
      failed(failure, TunnelException.of(failure), false);
      return;
    }
    if (!Retries.retryable(failure)) {
      end(TunnelException.of(failure));
      return;
    }
    round.restart();
    backoff.lost(loop.nanoTime());
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
    boolean movesOn = !redirectedSession && (openFailed || GatewayCandidate.movesOn(f));
    String why = openFailed ? e.getMessage() : f.reason();
    if (movesOn && round.hasNext()) {
      String from = round.current().label();
      GatewayCandidate next = round.next(why);
      LOG.warn("gateway {} cannot be reached ({}); trying the next one, {}", from, why,
          next.label());
      driver.state(everUp ? TunnelState.RECONNECTING : TunnelState.CONNECTING, "gateway " + from
          + " cannot be reached (" + why + "); trying the next one, " + next.label());
      attempt(Optional.empty());
      return;
    }
    TunnelException out = e;
    if (movesOn && !round.tried().isEmpty()) {
      round.failedLast(why);
      out = TunnelException.noGatewayAnswered(round.tried(), f);
    }
    if (!everUp || !Retries.retryable(f)) {
      end(out);
      return;
    }
    round.restart();
    waitThenAttempt(out.getMessage());
  }

  private void waitThenAttempt(String reason) {
    Duration wait = backoff.next();
    phase = Phase.WAITING;
    driver.state(TunnelState.RECONNECTING, reason + "; attempt " + backoff.attempts() + " in "
        + seconds(wait));
    retry = loop.schedule(wait, () -> {
      retry = null;
      if (phase == Phase.WAITING) {
        attempt(Optional.empty());
      }
    });
  }

  private void attempt(Optional<InetAddress> redirectedFrom) {
    generation++;
    phase = Phase.CONNECTING;
    answered = false;
    cancelAnswerTimer();
    redirectedSession = redirectedFrom.isPresent();
    if (!redirectedSession) {
      GatewayCandidate g = round.current();
      if (g.address() == null) {
        IkeFailure f = IkeFailure.of(FailureStep.RESOLVE_GATEWAY, ErrorCode.GATEWAY_NOT_FOUND,
            "gateway", g.host(), "cause", g.unresolved());
        failed(f, TunnelException.of(f), false);
        return;
      }
      target = g.address();
    }
    try {
      current = driver.open(generation, target, redirectedFrom);
    } catch (TunnelException e) {
      current = null;
      IkeFailure f = e.ikeFailure() != null ? e.ikeFailure()
          : IkeFailure.of(e.step(), ErrorCode.SOCKET_FAILED, "local", "this host",
              "cause", String.valueOf(e.getMessage()));
      failed(f, e, e.ikeFailure() == null);
      return;
    }
    if (!redirectedSession && round.hasNext() && !firstAnswerLimit.isZero()) {
      long gen = generation;
      answerTimer = loop.schedule(firstAnswerLimit, () -> onNoAnswer(gen));
    }
  }

  /** The gateway of session {@code gen} did not answer IKE_SA_INIT in time; another one may. */
  private void onNoAnswer(long gen) {
    answerTimer = null;
    if (gen != generation || phase != Phase.CONNECTING || answered) {
      return;
    }
    Session s = current;
    current = null;
    if (s != null) {
      s.abandon();
    }
    IkeFailure f = IkeFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.GATEWAY_UNREACHABLE,
        "gateway", AddressText.of(target), "exchange", "IKE_SA_INIT",
        "attempts", String.valueOf(sendsWithin(RetransmissionPolicy.defaults(), firstAnswerLimit)),
        "seconds", String.valueOf(firstAnswerLimit.toSeconds()));
    failed(f, TunnelException.of(f), false);
  }

  /** How many times a request is sent under {@code policy} before {@code limit} passes. */
  static int sendsWithin(RetransmissionPolicy policy, Duration limit) {
    int sends = 1;
    Duration at = Duration.ZERO;
    for (int i = 0; ; i++) {
      at = at.plus(policy.timeoutAfter(i));
      if (at.compareTo(limit) >= 0 || at.compareTo(policy.giveUpAfter()) >= 0) {
        return sends;
      }
      sends++;
    }
  }

  private void onRedirect(long gen, InetAddress to) {
    if (gen != generation || (phase != Phase.CONNECTING && phase != Phase.UP)) {
      return;
    }
    long now = loop.nanoTime();
    while (!redirects.isEmpty() && now - redirects.peekFirst() > REDIRECT_WINDOW.toNanos()) {
      redirects.removeFirst();
    }
    redirects.addLast(now);
    if (redirects.size() > MAX_REDIRECTS) {
      end(TunnelException.of(IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.REDIRECT_LOOP,
          "count", String.valueOf(redirects.size()),
          "gateway", AddressText.of(to))));
      return;
    }
    InetAddress from = target;
    Session old = current;
    current = null;
    if (old != null) {
      old.abandon();
    }
    target = to;
    driver.state(everUp ? TunnelState.RECONNECTING : TunnelState.CONNECTING,
        "redirected by " + AddressText.of(from) + " to " + AddressText.of(to));
    attempt(Optional.of(from));
  }

  private void onPathChanged(String why) {
    switch (phase) {
      case UP:
        if (current.mobike()) {
          LOG.info("{}: moving the session (MOBIKE)", why);
          current.addressChanged();
        } else {
          Session old = current;
          current = null;
          old.abandon();
          driver.state(TunnelState.RECONNECTING, why + " (no MOBIKE)");
          round.restart();
          attempt(Optional.empty());
        }
        break;
      case WAITING:
        cancelRetry();
        driver.state(TunnelState.RECONNECTING, why + ": trying now");
        round.restart();
        attempt(Optional.empty());
        break;
      case CONNECTING:
        if (everUp) {
          Session old = current;
          current = null;
          if (old != null) {
            old.abandon();
          }
          driver.state(TunnelState.RECONNECTING, why + ": starting over");
          round.restart();
          attempt(Optional.empty());
        }
        break;
      default:
        break;
    }
  }

  private void onResumed(Duration asleep) {
    String why = "resumed after " + seconds(asleep) + " asleep";
    if (phase == Phase.UP) {
      LOG.info("{}: checking that the gateway still knows us", why);
      if (current.mobike()) {
        current.addressChanged();
      } else {
        current.checkLiveness();
      }
    } else if (phase == Phase.WAITING) {
      onPathChanged(why);
    }
  }

  private void end(TunnelException why) {
    cancelRetry();
    cancelAnswerTimer();
    phase = Phase.ENDED;
    Session s = current;
    current = null;
    if (s != null) {
      s.abandon();
    }
    driver.ended(why, everUp);
  }

  private void cancelAnswerTimer() {
    if (answerTimer != null) {
      answerTimer.cancel();
      answerTimer = null;
    }
  }

  private void cancelRetry() {
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
