package dev.fulmar.interop.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test or a lifecycle method fails while a lab is (or was just) in use, attaches the end of
 * the newest log of each daemon of that lab to the failure as a suppressed exception, so that the build output
 * shows what the gateway and client said without anyone fetching target/lab. Registered for every
 * test of this module through JUnit's extension auto-detection.
 */
public final class LabDiagnostics
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  static final int LINES = 25;

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw attach(throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw attach(t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw attach(t);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw attach(t);
  }

  static Throwable attach(Throwable failure) {
    for (Lab lab : LabRuns.forDiagnosis()) {
      String logs = describe(lab.dir());
      if (!logs.isEmpty()) {
        failure.addSuppressed(new LabLogs("lab " + lab.name() + " (" + lab.dir() + "):\n" + logs));
      }
    }
    return failure;
  }

  static String describe(Path dir) {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      // the newest log of each daemon role (gateway, client): restarts write new files
      List<Path> logs = files.filter(p -> p.getFileName().toString().matches(".*-charon.*\\.log"))
          .collect(Collectors.groupingBy(p -> p.getFileName().toString().split("-charon")[0],
              TreeMap::new, Collectors.maxBy(Comparator.comparing(LabDiagnostics::modified))))
          .values().stream().flatMap(Optional::stream).toList();
      for (Path log : logs) {
        b.append("--- last ").append(LINES).append(" lines of ").append(log.getFileName())
            .append(" ---\n").append(LabProcess.tail(log, LINES)).append('\n');
      }
    } catch (IOException e) {
      return "";
    }
    return b.toString();
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** Carries daemon log excerpts; its stack trace says nothing, its message everything. */
  static final class LabLogs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LabLogs(String message) {
      super(message, null, false, false);
    }
  }
}
