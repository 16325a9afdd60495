package dev.fulmar.core.api;

import java.time.Duration;

/**
 * When requests are retransmitted and when the gateway is declared dead (RFC 7296 §2.1, §2.4):
 * the first retransmission after {@code initialTimeout}, each further wait {@code multiplier}
 * times longer up to {@code maxTimeout}, and no further attempt once {@code giveUpAfter} has
 * passed since the request was first sent.
 */
public record RetransmissionPolicy(
    Duration initialTimeout, double multiplier, Duration maxTimeout, Duration giveUpAfter) {

  public RetransmissionPolicy {
    if (initialTimeout.isNegative() || initialTimeout.isZero()) {
      throw new IllegalArgumentException("initial timeout must be positive");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1 (RFC 7296 §2.1)");
    }
    if (maxTimeout.compareTo(initialTimeout) < 0 || giveUpAfter.compareTo(initialTimeout) < 0) {
      throw new IllegalArgumentException("max timeout and give-up time must cover the first wait");
    }
  }

  /** 1 s, doubling up to 16 s, give up after 60 s: sends at 0, 1, 3, 7, 15, 31 and 47 s. */
  public static RetransmissionPolicy defaults() {
    return new RetransmissionPolicy(
        Duration.ofSeconds(1), 2.0, Duration.ofSeconds(16), Duration.ofSeconds(60));
  }

  /** The wait after the attempt number {@code attempt} (0 = the first transmission). */
  public Duration timeoutAfter(int attempt) {
    double nanos = initialTimeout.toNanos() * Math.pow(multiplier, attempt);
    long capped = (long) Math.min(nanos, (double) maxTimeout.toNanos());
    return Duration.ofNanos(capped);
  }
}
