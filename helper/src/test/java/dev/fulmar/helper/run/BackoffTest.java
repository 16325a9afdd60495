package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The waits between reconnect attempts: exponential and capped, shortened by jitter within the
 * policy's bound, and starting over once the tunnel was up for the stable period. Time is plain
 * nanoseconds and the randomness is fixed, so nothing here sleeps.
 */
class BackoffTest {
  /** nextDouble() is 0: no jitter. */
  private static final RandomGenerator NO_JITTER = () -> 0L;
  /** nextDouble() is just below 1: the largest cut the policy allows. */
  private static final RandomGenerator MAX_JITTER = () -> -1L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void waitsDoubleFromTheFirstDelayUpToTheCap() {
    Backoff b = new Backoff(ReconnectPolicy.DEFAULTS, NO_JITTER);
    List<Long> seconds = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      seconds.add(b.next().toSeconds());
    }
    assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(b.attempts()).isEqualTo(9);
  }

  @Test
  void jitterShortensEachWaitByAtMostItsShare() {
    Backoff most = new Backoff(ReconnectPolicy.DEFAULTS, MAX_JITTER);
    assertThat(most.next()).isBetween(Duration.ofMillis(499), Duration.ofMillis(501));
    assertThat(most.next()).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001));

    Backoff random = new Backoff(ReconnectPolicy.DEFAULTS, new SplittableRandom(7));
    for (int i = 0; i < 200; i++) {
      Duration base = ReconnectPolicy.DEFAULTS.baseDelay(i);
      assertThat(random.next()).isBetween(base.dividedBy(2), base);
    }
  }

  @Test
  void aTunnelUpForTheStablePeriodStartsOverAtTheFirstDelay() {
    Backoff b = new Backoff(ReconnectPolicy.DEFAULTS, NO_JITTER);
    b.next();
    b.next();
    b.next();
    b.up(100 * SECOND);
    b.lost(159 * SECOND); // up 59 s: not stable, the waits keep growing
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(8));

    b.up(200 * SECOND);
    b.lost(260 * SECOND); // up 60 s: stable
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aLossWithoutAnUpKeepsTheCount() {
    Backoff b = new Backoff(ReconnectPolicy.DEFAULTS, NO_JITTER);
    b.next();
    b.lost(1_000 * SECOND);
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void manyAttemptsNeitherOverflowNorExceedTheCap() {
    Backoff b = new Backoff(ReconnectPolicy.DEFAULTS, NO_JITTER);
    for (int i = 0; i < 10_000; i++) {
      assertThat(b.next()).isLessThanOrEqualTo(Duration.ofSeconds(60)).isPositive();
    }
  }

  @Test
  void rejectsPoliciesThatMakeNoSense() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(5), 2, s, 0.5, s))
        .hasMessageContaining("first");
    assertThatThrownBy(() -> new ReconnectPolicy(s, 0.5, s, 0.5, s))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new ReconnectPolicy(s, 2, s, 1.5, s))
        .hasMessageContaining("jitter");
    assertThatThrownBy(() -> new ReconnectPolicy(s, 2, s, 0.5, s.negated()))
        .hasMessageContaining("stable");
  }
}
