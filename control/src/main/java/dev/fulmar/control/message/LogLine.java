package dev.fulmar.control.message;

import java.util.Objects;

/**
 * One line of the helper's log, already redacted: it never holds a password, key or PSK.
 *
 * @param seq increasing number of the line in this helper run (clients resume from it)
 * @param timeMillis when it was logged (Unix time, ms)
 * @param level severity
 * @param source what logged it, e.g. {@code ike[office/5f1c…]} or {@code control}
 * @param message the text
 */
public record LogLine(long seq, long timeMillis, LogLevel level, String source, String message) {
  public LogLine {
    Objects.requireNonNull(level, "level");
    source = source == null ? "" : source;
    Objects.requireNonNull(message, "message");
  }
}
