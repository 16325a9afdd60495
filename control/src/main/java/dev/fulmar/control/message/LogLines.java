package dev.fulmar.control.message;

import java.util.List;

/** The answer to {@link GetLogs}: lines in order, oldest first. */
public record LogLines(List<LogLine> lines) implements Response {
  public LogLines {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
