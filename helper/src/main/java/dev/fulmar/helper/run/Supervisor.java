package dev.fulmar.helper.run;

import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * <p>Every input is posted to the tunnel's own {@link SessionLoop}, where the {@link
 * SupervisorMachine} keeps the state, so the state is only touched there and tests drive it with a
 * manual loop and clock. Events of a session are tagged with its
 * generation; those of a session that was replaced are ignored.
 */
final class Supervisor {
  private final SessionLoop loop;
  private final SupervisorMachine machine;

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
    this.machine = new SupervisorMachine(loop, driver, backoff, gateways, firstAnswerLimit);
  }

  /** Starts the first session. */
  void start() {
    loop.execute(machine::start);
  }

  /** Session {@code gen} is established. */
  void sessionUp(long gen, SessionInfo info) {
    loop.execute(() -> machine.onUp(gen, info));
  }

  /** The gateway of session {@code gen} answered IKE_SA_INIT: it is there. */
  void answered(long gen) {
    loop.execute(() -> machine.answered(gen));
  }

  /** Session {@code gen} failed, or the gateway deleted it. */
  void sessionLost(long gen, IkeFailure failure) {
    loop.execute(() -> machine.onLost(gen, failure));
  }

  /**
   * Session {@code gen} re-authenticated (RFC 4478) and may bring other settings (virtual
   * address, DNS): the tunnel checks the system configuration again.
   */
  void refreshed(long gen, SessionInfo info) {
    loop.execute(() -> machine.refreshed(gen, info));
  }

  /** MOBIKE moved session {@code gen} to another address of the gateway. */
  void gatewayMoved(long gen, InetAddress gateway) {
    loop.execute(() -> machine.gatewayMoved(gen, gateway));
  }

  /** The gateway told session {@code gen} to go to {@code to} (RFC 5685). */
  void redirected(long gen, InetAddress to) {
    loop.execute(() -> machine.onRedirect(gen, to));
  }

  /**
   * The way to the gateway changed (another local address, a route, a link that came back):
   * {@code why} says how.
   */
  void pathChanged(String why) {
    loop.execute(() -> machine.onPathChanged(why));
  }

  /** The host woke up after {@code asleep}: the gateway may have forgotten us meanwhile. */
  void resumed(Duration asleep) {
    loop.execute(() -> machine.onResumed(asleep));
  }

  /**
   * Stops supervising: no further attempt, no further callback. Completes with the session in
   * force (for the tunnel to delete it), if any.
   */
  CompletableFuture<Optional<SupervisedSession>> stop() {
    CompletableFuture<Optional<SupervisedSession>> out = new CompletableFuture<>();
    loop.execute(() -> out.complete(machine.stop()));
    return out;
  }

  /** The gateway of the session in force or being negotiated. */
  InetAddress target() {
    return machine.gateways().target();
  }

  /** The gateway of the session in force (or the primary), as the profile names it. */
  String gatewayInUse() {
    return machine.gateways().inUse();
  }

  /** The host of {@link #gatewayInUse()} without its address. */
  String gatewayHostInUse() {
    return machine.gateways().inUseHost();
  }
}
