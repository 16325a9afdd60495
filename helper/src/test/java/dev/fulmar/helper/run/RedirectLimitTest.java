package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The redirect limit (RFC 5685 §10) over a sliding window of loop time. */
class RedirectLimitTest {

  @Test
  void redirectsOutsideTheWindowNoLongerCount() {
    RedirectLimit limit = new RedirectLimit();
    long t = 0;
    for (int i = 0; i < RedirectLimit.MAX; i++) {
      t += Duration.ofSeconds(10).toNanos();
      assertThat(RedirectLimit.tooMany(limit.note(t))).isFalse();
    }
    assertThat(RedirectLimit.tooMany(limit.note(t + 1))).isTrue();

    long later = t + 1 + RedirectLimit.WINDOW.toNanos() + 1;
    assertThat(limit.note(later)).isEqualTo(1);
  }
}
