package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The tunnel's state and counters: the answer to {@link StatusRequest} and to a successful {@link
 * Connect}.
 *
 * @param status the state
 * @param stats the counters, or null when no tunnel is up
 */
public record StatusReport(TunnelStatus status, Stats stats) implements Response {
  public StatusReport {
    Objects.requireNonNull(status, "status");
  }
}
