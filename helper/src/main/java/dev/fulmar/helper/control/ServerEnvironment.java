package dev.fulmar.helper.control;

import dev.fulmar.control.Limits;
import dev.fulmar.core.spi.PeerCredentials;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the control server works with, all injected: the tunnel side, the system configuration,
 * how peers are identified, the log ring, and time (a wall clock for timestamps and a monotonic
 * ticker in nanoseconds for timeouts, so tests drive both).
 */
public record ServerEnvironment(
    TunnelService tunnel,
    SystemConfig system,
    PeerCredentials peers,
    LogRing log,
    Clock clock,
    LongSupplier ticker) {

  public ServerEnvironment {
    Objects.requireNonNull(tunnel, "tunnel");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
  }

  /** The production environment: system clock, {@link System#nanoTime()}, a fresh log ring. */
  public static ServerEnvironment of(TunnelService tunnel, SystemConfig system,
      PeerCredentials peers) {
    Clock clock = Clock.systemUTC();
    return new ServerEnvironment(tunnel, system, peers,
        new LogRing(Limits.LOG_RING_LINES, clock, new Redactor()), clock, System::nanoTime);
  }
}
