package dev.fulmar.adapters.linux;

import java.io.IOException;
import java.util.List;

/**
 * Runs a system tool ({@code ip}, {@code nft}, {@code resolvectl}) with an argument vector, never
 * through a shell. Injected so that tests can run the same commands inside a network namespace.
 */
public interface CommandRunner {

  /**
   * Runs {@code argv} with {@code stdin} (may be empty) as its standard input and waits for it.
   *
   * @throws IOException when the tool cannot be started or does not finish in time
   */
  Result run(List<String> argv, String stdin) throws IOException;

  /** Runs {@code argv} with empty standard input. */
  default Result run(String... argv) throws IOException {
    return run(List.of(argv), "");
  }

  /**
   * Runs {@code argv} and returns its standard output.
   *
   * @throws CommandException when it exits non-zero
   */
  default String check(String... argv) throws IOException {
    Result r = run(argv);
    if (r.exitCode() != 0) {
      throw new CommandException(List.of(argv), r);
    }
    return r.stdout();
  }

  /** What a command printed and how it exited. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** A command exited non-zero; the message holds the command and what it printed on stderr. */
  final class CommandException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Result result;

    public CommandException(List<String> argv, Result result) {
      super(
          "'" + String.join(" ", argv) + "' failed (exit " + result.exitCode() + "): "
              + result.stderr().strip());
      this.result = result;
    }

    /** What the command printed. */
    public Result result() {
      return result;
    }
  }
}
