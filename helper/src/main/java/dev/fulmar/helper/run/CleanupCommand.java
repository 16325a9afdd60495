package dev.fulmar.helper.run;

import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fulmard cleanup}: undoes whatever a crashed or killed helper left behind (device,
 * addresses, routes, DNS, firewall table), from the journal, and says what it did.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description = "Undoes the system changes a crashed or killed fulmard left behind (from its"
        + " journal) and prints them. Needs root.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"  0:nothing was left, or everything was undone",
      "  9:something could not be undone (it stays in the journal)"})
public final class CleanupCommand implements Callable<Integer> {
  @Option(names = "--journal-dir", paramLabel = "DIR", description = "the journal of system"
      + " changes (default: ${DEFAULT-VALUE})", defaultValue = "/var/lib/fulmar/journal")
  Path journalDir;

  private final Function<Path, Platform> platforms;
  private final PrintStream out;
  private final PrintStream err;

  public CleanupCommand() {
    this(Platforms::forThisHost, System.out, System.err);
  }

  public CleanupCommand(Function<Path, Platform> platforms, PrintStream out, PrintStream err) {
    this.platforms = platforms;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    RollbackReport report;
    try (HelperLock lock = HelperLock.acquire(journalDir)) {
      report = platforms.apply(journalDir).recoverAfterCrash();
    } catch (IOException | UnsupportedOperationException e) {
      err.println("fulmard cleanup: " + e.getMessage());
      return RunCommand.SYSTEM_FAILED;
    }
    if (report.undone().isEmpty() && report.failed().isEmpty()) {
      out.println("nothing to clean up");
    }
    report.undone().forEach(s -> out.println("undone: " + s));
    report.failed().forEach(f -> err.println("could not undo: " + f.step() + ": " + f.reason()));
    return report.complete() ? 0 : RunCommand.SYSTEM_FAILED;
  }
}
