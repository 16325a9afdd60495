package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.ike.ManualSessionLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A suspend shows as the wall clock running ahead of the monotonic one; small differences
 * (scheduling, NTP slewing) and a wall clock set back are not a suspend. A frozen process shows
 * as the check's own timer firing far too late while both clocks ran on.
 */
class SleepDetectorTest {
  private final ManualSessionLoop loop = new ManualSessionLoop();
  private final WallClock wall = new WallClock();
  private final List<Duration> resumes = new ArrayList<>();
  private final SleepDetector detector = new SleepDetector(loop, wall, Duration.ofSeconds(5),
      Duration.ofSeconds(10), resumes::add);

  @Test
  void clocksThatRunTogetherMeanNoSuspend() {
    detector.start();
    for (int i = 0; i < 20; i++) {
      tick(Duration.ofSeconds(5), Duration.ofMillis(5_300)); // a late timer, NTP slewing
    }
    assertThat(resumes).isEmpty();
  }

  @Test
  void aWallClockFarAheadOfTheMonotonicOneIsAResume() {
    detector.start();
    tick(Duration.ofSeconds(5), Duration.ofSeconds(5));
    // Suspended for 40 minutes: the monotonic clock stood still, the timer fired on resume.
    tick(Duration.ofSeconds(5), Duration.ofMinutes(40).plusSeconds(5));

    assertThat(resumes).containsExactly(Duration.ofMinutes(40));
    tick(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(resumes).hasSize(1);
  }

  @Test
  void aProcessFrozenWhileBothClocksRanOnIsAResume() {
    FreezableLoop frozenLoop = new FreezableLoop();
    SleepDetector d = new SleepDetector(frozenLoop, wall, Duration.ofSeconds(5),
        Duration.ofSeconds(10), resumes::add);
    d.start();
    wall.now = wall.now.plusSeconds(5);
    frozenLoop.manual.advance(Duration.ofSeconds(5));

    // SIGSTOP for 40 s: both clocks run on, no timer fires; after SIGCONT the check is late.
    frozenLoop.frozenNanos += Duration.ofSeconds(40).toNanos();
    wall.now = wall.now.plusSeconds(45);
    frozenLoop.manual.advance(Duration.ofSeconds(5));

    assertThat(resumes).containsExactly(Duration.ofSeconds(40));
    wall.now = wall.now.plusSeconds(5);
    frozenLoop.manual.advance(Duration.ofSeconds(5));
    assertThat(resumes).hasSize(1);
  }

  @Test
  void aWallClockSetBackIsNoResume() {
    detector.start();
    tick(Duration.ofSeconds(5), Duration.ofHours(-2));
    assertThat(resumes).isEmpty();
  }

  @Test
  void stoppedMeansNoMoreChecks() {
    detector.start();
    detector.stop();
    tick(Duration.ofSeconds(5), Duration.ofHours(1));
    assertThat(resumes).isEmpty();
    assertThat(loop.pendingTimers()).isEmpty();
  }

  private void tick(Duration monotonic, Duration wallStep) {
    wall.now = wall.now.plus(wallStep);
    loop.advance(monotonic);
  }

  /** A manual loop whose monotonic clock can run on while no timer fires: a frozen process. */
  private static final class FreezableLoop implements SessionLoop {
    final ManualSessionLoop manual = new ManualSessionLoop();
    long frozenNanos;

    @Override
    public long nanoTime() {
      return manual.nanoTime() + frozenNanos;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
      return manual.schedule(delay, task);
    }

    @Override
    public void execute(Runnable task) {
      manual.execute(task);
    }

    @Override
    public void shutdown() {
      manual.shutdown();
    }
  }

  private static final class WallClock extends Clock {
    Instant now = Instant.parse("2026-11-30T08:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
