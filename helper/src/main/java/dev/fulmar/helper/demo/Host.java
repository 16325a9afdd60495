package dev.fulmar.helper.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the demo does to the machine: run a command and wait, start a daemon that outlives this
 * process, look at and signal processes by PID. Tests use a scripted host.
 */
interface Host {
  /** A finished command: its exit code and its output (stdout and stderr together). */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command} to the end (at most a minute) and returns what it printed. */
  Result run(List<String> command) throws IOException;

  /** Starts {@code command} in the background with its output appended to {@code log}. */
  long start(List<String> command, Path log) throws IOException;

  /** The name the kernel shows for {@code pid} ({@code /proc/PID/comm}), if it runs. */
  Optional<String> processName(long pid);

  boolean exists(Path path);

  /** Whether both paths name the same file (for namespaces: the same namespace). */
  boolean sameFile(Path a, Path b);

  /** SIGTERM, or SIGKILL with {@code force}; nothing when the process is gone. */
  void signal(long pid, boolean force);

  void sleep(Duration d) throws InterruptedException;

  /** The real machine. */
  static Host system() {
    return new Host() {
      @Override
      public Result run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
          byte[] out = p.getInputStream().readAllBytes();
          if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, "timed out: " + String.join(" ", command));
          }
          return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while running " + command.get(0), e);
        }
      }

      @Override
      public long start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start().pid();
      }

      @Override
      public Optional<String> processName(long pid) {
        try {
          return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
              .strip());
        } catch (IOException e) {
          return Optional.empty();
        }
      }

      @Override
      public boolean exists(Path path) {
        return Files.exists(path);
      }

      @Override
      public boolean sameFile(Path a, Path b) {
        try {
          return Files.isSameFile(a, b);
        } catch (IOException e) {
          return false;
        }
      }

      @Override
      public void signal(long pid, boolean force) {
        ProcessHandle.of(pid).ifPresent(h -> {
          if (force) {
            h.destroyForcibly();
          } else {
            h.destroy();
          }
        });
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
      }
    };
  }
}
