package dev.fulmar.interop.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process the lab started (a daemon, a server, a capture). Its stdout and stderr go
 * to a log file in the lab directory; it is stopped by its PID (SIGTERM, then SIGKILL).
 */
public final class LabProcess {
  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> command;

  LabProcess(String name, Process process, Path log, List<String> command) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.command = List.copyOf(command);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /** The file that receives the process's stdout and stderr. */
  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, once the process has ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /** Waits for the process to end on its own; returns false if it is still running. */
  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends SIGTERM, waits up to {@code grace}, then sends SIGKILL. Idempotent. */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
  }

  /** Sends SIGKILL and waits for the process to be gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  /** The last {@code lines} lines of the log, for error messages. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name + " pid " + pid() + ": " + String.join(" ", command);
  }
}
