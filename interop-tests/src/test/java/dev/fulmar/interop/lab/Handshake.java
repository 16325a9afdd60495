package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a strongSwan client's {@code initiate}: whether the CHILD_SA was installed, the
 * time from the request to the answer (initiate → CHILD_SA installed, virtual IP and DNS
 * included), and the daemon's log lines for this handshake.
 */
public record Handshake(boolean success, Duration elapsed, String error, List<String> log) {

  /** Elapsed time in milliseconds with one decimal, for reports. */
  public String millis() {
    return String.format(java.util.Locale.ROOT, "%.1f ms", elapsed.toNanos() / 1e6);
  }
}
