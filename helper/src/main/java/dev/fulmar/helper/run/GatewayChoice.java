package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which gateway a tunnel's next attempt goes to, and which one its session talks to: the
 * profile's gateways in order ({@link GatewayRound}), a redirect's target (RFC 5685) for the one
 * attempt that follows it, the address MOBIKE moved the session to. When a gateway cannot be
 * reached or does not answer ({@link GatewayCandidate#movesOn}), the next one is tried; when every
 * gateway failed, the error names each one with why; redirects in a loop end the tunnel ({@link
 * RedirectLimit}). Used on the supervisor's loop only, except
 * for the getters of the gateway in use, which other threads may read.
 */
final class GatewayChoice {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayChoice.class);

  /**
   * What a failed attempt leads to.
   *
   * @param next the user's detail line when the next gateway is tried, or null when none is left
   * @param error the failure as the user reads it when no gateway is left
   */
  record Failover(String next, TunnelException error) {
    boolean movedOn() {
      return next != null;
    }
  }

  private final GatewayRound round;
  private final RedirectLimit redirects = new RedirectLimit();
  private volatile InetAddress target;
  private boolean redirected;
  private volatile String inUse;
  private volatile String inUseHost;

  GatewayChoice(List<GatewayCandidate> gateways) {
    this.round = new GatewayRound(gateways);
    this.target = round.current().address();
    this.inUse = round.current().label();
    this.inUseHost = round.current().host();
  }

  /** The gateway of the session in force or being negotiated. */
  InetAddress target() {
    return target;
  }

  /** The gateway of the session in force (or the primary), as the profile names it. */
  String inUse() {
    return inUse;
  }

  /** The host of {@link #inUse()} without its address. */
  String inUseHost() {
    return inUseHost;
  }

  /**
   * Aims a new attempt: at the redirect's target when {@code redirectedFrom} is present, else at
   * the gateway of the round in turn.
   *
   * @return why the attempt cannot start: the gateway's name did not resolve
   */
  Optional<IkeFailure> aim(Optional<InetAddress> redirectedFrom) {
    redirected = redirectedFrom.isPresent();
    if (redirected) {
      return Optional.empty();
    }
    GatewayCandidate g = round.current();
    if (g.address() == null) {
      return Optional.of(IkeFailure.of(FailureStep.RESOLVE_GATEWAY, ErrorCode.GATEWAY_NOT_FOUND,
          "gateway", g.host(), "cause", g.unresolved()));
    }
    target = g.address();
    return Optional.empty();
  }

  /** Whether the attempt aimed last has another gateway to fall back to. */
  boolean hasFallback() {
    return !redirected && round.hasNext();
  }

  /** The attempt aimed last is up: its gateway is the one in use. */
  void connected() {
    inUse = redirected ? AddressText.of(target) : round.current().label();
    inUseHost = redirected ? AddressText.of(target) : round.current().host();
    if (!round.tried().isEmpty()) {
      LOG.info("connected through gateway {} after {}", inUse, String.join("; ",
          round.tried()));
    }
  }

  /**
   * The gateway in use sent us to {@code to} at {@code now} (loop nanoseconds): the next attempt
   * goes there, unless the gateways redirected us too often.
   *
   * @return the redirect loop (RFC 5685 §10) that ends the tunnel; the target stays then
   */
  Optional<IkeFailure> redirect(InetAddress to, long now) {
    int count = redirects.note(now);
    if (RedirectLimit.tooMany(count)) {
      return Optional.of(IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.REDIRECT_LOOP,
          "count", String.valueOf(count), "gateway", AddressText.of(to)));
    }
    target = to;
    return Optional.empty();
  }

  /** MOBIKE moved the session to {@code gateway}; false if it was there already. */
  boolean moved(InetAddress gateway) {
    if (gateway.equals(target)) {
      return false;
    }
    target = gateway;
    return true;
  }

  /** The next attempt starts at the primary gateway again, nothing tried. */
  void restart() {
    round.restart();
  }

  /**
   * The attempt aimed last failed with {@code f} ({@code e} for the user): moves to the next
   * gateway if the failure says this one cannot be reached and another is left.
   *
   * @param openFailed the attempt could not even start (no way to that gateway)
   */
  Failover failed(IkeFailure f, TunnelException e, boolean openFailed) {
    boolean movesOn = !redirected && (openFailed || GatewayCandidate.movesOn(f));
    String why = openFailed ? e.getMessage() : f.reason();
    if (movesOn && round.hasNext()) {
      String from = round.current().label();
      GatewayCandidate next = round.next(why);
      LOG.warn("gateway {} cannot be reached ({}); trying the next one, {}", from, why,
          next.label());
      return new Failover("gateway " + from + " cannot be reached (" + why
          + "); trying the next one, " + next.label(), null);
    }
    if (movesOn && !round.tried().isEmpty()) {
      round.failedLast(why);
      return new Failover(null, TunnelException.noGatewayAnswered(round.tried(), f));
    }
    return new Failover(null, e);
  }
}
