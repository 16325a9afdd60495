package dev.fulmar.helper.run;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The waits between reconnect attempts of one tunnel ({@link ReconnectPolicy}): exponential,
 * capped, with jitter, and back to the first wait once the tunnel was up for the stable period.
 * Time is the caller's monotonic nanoseconds and randomness is injected, so tests run on a manual
 * clock. Not thread-safe: the tunnel's supervisor loop owns it.
 */
final class Backoff {
  private final ReconnectPolicy policy;
  private final RandomGenerator random;
  private int attempts;
  private long upSince = Long.MIN_VALUE;

  Backoff(ReconnectPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** The tunnel is up (again) at {@code now}. */
  void up(long now) {
    upSince = now;
  }

  /**
   * The tunnel was lost at {@code now}: if it had been up for the stable period, the waits start
   * over.
   */
  void lost(long now) {
    if (upSince != Long.MIN_VALUE && now - upSince >= policy.stableAfter().toNanos()) {
      attempts = 0;
    }
    upSince = Long.MIN_VALUE;
  }

  /** The wait before the next attempt; counts the attempt. */
  Duration next() {
    Duration base = policy.baseDelay(attempts);
    if (attempts < Integer.MAX_VALUE) {
      attempts++;
    }
    long cut = (long) (base.toNanos() * policy.jitter() * random.nextDouble());
    return base.minusNanos(cut);
  }

  /** Attempts made since the waits last started over. */
  int attempts() {
    return attempts;
  }
}
