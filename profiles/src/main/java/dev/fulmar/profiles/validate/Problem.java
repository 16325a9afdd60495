package dev.fulmar.profiles.validate;

import java.util.Objects;

/**
 * One thing wrong with a profile, in plain words, with where it is: the JSON path in the {@code
 * .vpn} format (e.g. {@code gateway.host}) and, when read from a file, the line and column.
 */
public record Problem(Severity severity, String path, Location location, String message) {

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(String path, String message) {
    return new Problem(Severity.ERROR, path, null, message);
  }

  public static Problem warning(String path, String message) {
    return new Problem(Severity.WARNING, path, null, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same problem placed at {@code where}. */
  public Problem at(Location where) {
    return new Problem(severity, path, where, message);
  }

  /** E.g. {@code 3:13 gateway.host: 'vpn..example' is not a valid host name}. */
  @Override
  public String toString() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    String where = location == null ? "" : location + " ";
    String subject = path.isEmpty() ? "" : path + ": ";
    return where + prefix + subject + message;
  }
}
