package dev.fulmar.control.message;

import java.util.Objects;

/** The tunnel's counters, pushed once a second to {@code STATS} subscribers while it is up. */
public record StatsEvent(Stats stats) implements Event {
  public StatsEvent {
    Objects.requireNonNull(stats, "stats");
  }
}
