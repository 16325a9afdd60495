package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.EventListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand shares: {@code --json}, the environment, opening the helper connection,
 * and turning a {@link CliException} into its message and exit code.
 */
abstract class BaseCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @ParentCommand FulmarCli parent;

  /** Does the work; returns the exit code. */
  abstract int run() throws CliException;

  CliEnvironment env() {
    return parent.env();
  }

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (CliException e) {
      env().err().println("fulmar: " + e.getMessage());
      if (json) {
        env().out().println(JsonOut.error(e));
      }
      return e.exitCode();
    }
  }

  ControlClient open(EventListener listener) throws CliException {
    return HelperLink.open(env(), listener);
  }

  void print(String text) {
    env().out().print(text.endsWith("\n") ? text : text + "\n");
    env().out().flush();
  }

  /** Writes {@code data} to {@code file} through a temporary file and a rename. */
  static void writeAtomically(Path file, byte[] data) throws CliException {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.write(tmp, data);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new CliException(ExitCode.ERROR, "ERROR", "cannot write " + file + ": "
          + e.getMessage());
    }
  }
}
