package dev.fulmar.control.message;

/** Severity of a log line, most severe first. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG
}
