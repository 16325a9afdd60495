package dev.fulmar.helper.run;

import java.time.Duration;
import java.util.Objects;

/**
 * When a tunnel that lost its session tries again: the first attempt after about {@code
 * firstDelay}, each further wait {@code multiplier} times longer up to {@code maxDelay}, every
 * wait shortened by a random part of up to {@code jitter} (so that the clients of a restarted
 * gateway do not all come back in the same second). A tunnel that then stays up for {@code
 * stableAfter} starts again from the first delay when it is lost next time.
 *
 * <p>There is no limit on the number of attempts: the profile stays active (routes, DNS and the
 * kill switch in place) until the user disconnects or a failure that a retry cannot fix
 * (authentication, configuration) ends it. Each attempt itself retransmits its IKE_SA_INIT for
 * up to a minute, so a gateway that is back is found within one retransmission interval.
 *
 * @param jitter the largest fraction (0 to 1) by which a wait is shortened at random
 */
public record ReconnectPolicy(
    Duration firstDelay, double multiplier, Duration maxDelay, double jitter,
    Duration stableAfter) {

  /** 1 s, doubling up to 60 s, up to half of each wait random; stable after 60 s up. */
  public static final ReconnectPolicy DEFAULTS = new ReconnectPolicy(Duration.ofSeconds(1), 2.0,
      Duration.ofSeconds(60), 0.5, Duration.ofSeconds(60));

  public ReconnectPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(stableAfter, "stableAfter");
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("reconnect delays: need 0 <= first (" + firstDelay
          + ") <= max (" + maxDelay + ")");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("reconnect multiplier " + multiplier + " must be >= 1");
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("reconnect jitter " + jitter + " must be in 0..1");
    }
    if (stableAfter.isNegative()) {
      throw new IllegalArgumentException("stable period " + stableAfter + " is negative");
    }
  }

  /** The wait before attempt {@code n} (0 = the first) without jitter, capped at the maximum. */
  public Duration baseDelay(int n) {
    double nanos = firstDelay.toNanos() * Math.pow(multiplier, Math.max(0, n));
    return Duration.ofNanos((long) Math.min(nanos, (double) maxDelay.toNanos()));
  }
}
