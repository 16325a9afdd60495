package dev.fulmar.helper.run;

import dev.fulmar.core.api.SessionLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Notices that the host was suspended: the wall clock keeps counting through a suspend, the
 * monotonic clock of the JVM ({@code CLOCK_MONOTONIC} on Linux) does not, so after a resume the
 * wall clock has run ahead of the monotonic one by about the time asleep. Checked every
 * {@code period} on the tunnel's loop, whose timers run on the monotonic clock.
 *
 * <p>It also notices that the helper itself did not run while both clocks did: the check's own
 * timer fires far later than {@code period} on the monotonic clock. That is a frozen process
 * (SIGSTOP, a cgroup freezer, a paused virtual machine, a platform whose monotonic clock counts
 * through sleep); for the tunnel it is the same as a sleep, since the gateway's dead-peer
 * detection may have cleared the SAs meanwhile, and the reaction is the same: ask the gateway at
 * once. A loop stalled that long for another reason costs one needless liveness check.
 *
 * <p>Why not logind's {@code PrepareForSleep} signal: it needs a D-Bus client (a library the
 * build does not have, or a {@code gdbus}/{@code busctl} child process to parse), a running
 * logind and a system bus reachable from the helper, none of which a container, a network
 * namespace or a minimal host guarantees; this check needs nothing and works the same on every
 * OS whose monotonic clock stops in sleep. Its one false alarm, the wall clock stepped forward by
 * an administrator or NTP, costs one liveness check.
 */
final class SleepDetector {
  static final Duration PERIOD = Duration.ofSeconds(5);
  /** A gap below this is scheduling jitter or NTP slewing, not a suspend. */
  static final Duration THRESHOLD = Duration.ofSeconds(10);

  private final SessionLoop loop;
  private final Clock wall;
  private final Duration period;
  private final Duration threshold;
  private final Consumer<Duration> resumed;
  private long lastWallMillis;
  private long lastMonoNanos;
  private SessionLoop.Timer timer;
  private boolean stopped;

  /** @param resumed gets the time asleep, on the loop */
  SleepDetector(SessionLoop loop, Clock wall, Duration period, Duration threshold,
      Consumer<Duration> resumed) {
    this.loop = loop;
    this.wall = wall;
    this.period = period;
    this.threshold = threshold;
    this.resumed = resumed;
  }

  /** Starts checking. */
  void start() {
    loop.execute(() -> {
      lastWallMillis = wall.millis();
      lastMonoNanos = loop.nanoTime();
      timer = loop.schedule(period, this::tick);
    });
  }

  private void tick() {
    if (stopped) {
      return;
    }
    long wallNow = wall.millis();
    long monoNow = loop.nanoTime();
    Duration ran = Duration.ofNanos(monoNow - lastMonoNanos);
    Duration asleep = Duration.ofMillis(wallNow - lastWallMillis).minus(ran);
    Duration frozen = ran.minus(period);
    lastWallMillis = wallNow;
    lastMonoNanos = monoNow;
    timer = loop.schedule(period, this::tick);
    Duration away = asleep.compareTo(frozen) >= 0 ? asleep : frozen;
    if (away.compareTo(threshold) > 0) {
      resumed.accept(away);
    }
  }

  /** Stops checking. */
  void stop() {
    loop.execute(() -> {
      stopped = true;
      if (timer != null) {
        timer.cancel();
      }
    });
  }
}
