package dev.fulmar.helper.control;

import dev.fulmar.control.message.Stats;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Once a second (driven by the server's scheduler, or by tests calling {@link #tick()}), reads
 * the tunnel's counters and publishes them with the rates since the previous reading.
 */
final class StatsTicker {
  private final TunnelService tunnel;
  private final Clock clock;
  private final Consumer<Stats> publish;
  private TrafficCounters previous;
  private long previousMillis;
  private volatile Stats latest;

  StatsTicker(TunnelService tunnel, Clock clock, Consumer<Stats> publish) {
    this.tunnel = tunnel;
    this.clock = clock;
    this.publish = publish;
  }

  /** One reading; publishes only while the tunnel has counters. */
  synchronized void tick() {
    Optional<TrafficCounters> now = tunnel.counters();
    long t = clock.millis();
    if (now.isEmpty()) {
      previous = null;
      latest = null;
      return;
    }
    TrafficCounters c = now.get();
    long rateIn = 0;
    long rateOut = 0;
    if (previous != null && t > previousMillis) {
      long dt = t - previousMillis;
      rateIn = Math.max(0, c.bytesIn() - previous.bytesIn()) * 1000 / dt;
      rateOut = Math.max(0, c.bytesOut() - previous.bytesOut()) * 1000 / dt;
    }
    previous = c;
    previousMillis = t;
    Stats s = new Stats(t, c.bytesIn(), c.bytesOut(), c.packetsIn(), c.packetsOut(), rateIn,
        rateOut);
    latest = s;
    publish.accept(s);
  }

  /** The last published stats, or null when no tunnel is up. */
  Stats latest() {
    return latest;
  }
}
