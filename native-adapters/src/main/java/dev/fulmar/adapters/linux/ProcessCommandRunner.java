package dev.fulmar.adapters.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Starts tools as child processes, optionally behind a fixed prefix such as {@code ip netns exec
 * NAME}. The environment is reduced to a fixed {@code PATH} and {@code LC_ALL=C}, so that messages
 * and output formats do not depend on the caller's locale.
 */
public final class ProcessCommandRunner implements CommandRunner {

  private static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

  private final List<String> prefix;
  private final Duration timeout;

  /** Runs tools directly, each within {@code timeout}. */
  public ProcessCommandRunner(Duration timeout) {
    this(List.of(), timeout);
  }

  /** Runs every command as {@code prefix + argv}. */
  public ProcessCommandRunner(List<String> prefix, Duration timeout) {
    this.prefix = List.copyOf(prefix);
    this.timeout = timeout;
  }

  @Override
  public Result run(List<String> argv, String stdin) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().put("PATH", PATH);
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    FutureTask<String> out = drainer(p.getInputStream());
    FutureTask<String> err = drainer(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the tool exited without reading its input; its exit code tells what happened
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException("'" + String.join(" ", cmd) + "' did not finish in " + timeout);
      }
      return new Result(
          p.exitValue(),
          out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
          err.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + cmd.get(0), e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("could not read the error output of " + cmd.get(0), e);
    }
  }

  /** Reads a pipe to its end on its own thread, so that a full pipe never stalls the tool. */
  private static FutureTask<String> drainer(InputStream s) {
    FutureTask<String> task = new FutureTask<>(() -> drain(s));
    Thread t = new Thread(task, "fulmar-cmd-output");
    t.setDaemon(true);
    t.start();
    return task;
  }

  private static String drain(InputStream s) {
    try (s) {
      return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
