package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.ManualSessionLoop;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The tunnel asks the gateway whether it is alive only after a whole interval in which no ESP
 * packet came in; traffic makes the question unnecessary; zero turns it off; stop ends it.
 */
class LivenessWatchTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private final ManualSessionLoop loop = new ManualSessionLoop();
  private long inbound;
  private int checks;
  private final LivenessWatch watch = new LivenessWatch(loop, INTERVAL, () -> inbound,
      () -> checks++);

  @Test
  void aQuietIntervalLeadsToOneLivenessCheck() {
    watch.start();
    loop.advance(INTERVAL.minusSeconds(1));
    assertThat(checks).isZero();

    loop.advance(Duration.ofSeconds(1));
    assertThat(checks).isEqualTo(1);
    loop.advance(INTERVAL);
    assertThat(checks).as("still quiet: asked again one interval later").isEqualTo(2);
  }

  @Test
  void packetsFromTheGatewayMakeTheCheckUnnecessary() {
    watch.start();
    for (int i = 0; i < 10; i++) {
      inbound += 3;
      loop.advance(INTERVAL);
    }
    assertThat(checks).isZero();

    loop.advance(INTERVAL);
    assertThat(checks).as("the first quiet interval").isEqualTo(1);
  }

  @Test
  void zeroTurnsTheWatchOff() {
    LivenessWatch off = new LivenessWatch(loop, Duration.ZERO, () -> inbound, () -> checks++);
    off.start();
    loop.advance(Duration.ofHours(1));
    assertThat(checks).isZero();
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void noCheckAfterStop() {
    watch.start();
    loop.advance(INTERVAL);
    watch.stop();
    loop.advance(INTERVAL.multipliedBy(5));
    assertThat(checks).isEqualTo(1);
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void refusesANegativeInterval() {
    assertThatThrownBy(() -> new LivenessWatch(loop, Duration.ofSeconds(-1), () -> 0, () -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
