package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs short commands to completion with a timeout and captures their output. Long-running
 * processes (daemons, servers, captures) go through {@link Lab#start} instead.
 */
public final class Cmd {
  /** The default time a short command may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private Cmd() {}

  /** The outcome of a command that ran to completion. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Returns this result if the command succeeded, else throws with its output. */
    public Result orThrow() {
      if (!ok()) {
        throw new CommandFailedException(
            "command failed with exit code " + exitCode + ": " + String.join(" ", command)
                + "\nstdout: " + stdout.strip() + "\nstderr: " + stderr.strip(), this);
      }
      return this;
    }
  }

  /** Runs a command and throws unless it exits 0. */
  public static Result run(String... command) {
    return probe(DEFAULT_TIMEOUT, null, List.of(command)).orThrow();
  }

  /** Runs a command and returns its result whatever the exit code (throws only on timeout). */
  public static Result probe(String... command) {
    return probe(DEFAULT_TIMEOUT, null, List.of(command));
  }

  /**
   * Runs a command, feeding it {@code stdin} (a file, or nothing when null), and returns its
   * result whatever the exit code; a command that outlives {@code timeout} is killed and reported.
   */
  public static Result probe(Duration timeout, Path stdin, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectInput(
        stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new LabException("cannot start " + String.join(" ", command) + ": " + e.getMessage(),
          e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new CommandFailedException("command timed out after " + timeout.toSeconds()
            + " s: " + String.join(" ", command), null);
      }
      return new Result(List.copyOf(command), p.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
