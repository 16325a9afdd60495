package dev.fulmar.control.message;

import java.util.Objects;

/** A new line in the helper's log, pushed to {@code LOG} subscribers. */
public record LogEvent(LogLine line) implements Event {
  public LogEvent {
    Objects.requireNonNull(line, "line");
  }
}
