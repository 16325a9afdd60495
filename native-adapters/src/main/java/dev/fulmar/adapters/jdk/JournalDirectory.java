package dev.fulmar.adapters.jdk;

import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Crash recovery over every {@link FileChangeJournal} in one directory: at helper start, whatever a
 * previous process recorded and did not undo is undone now.
 */
public final class JournalDirectory {

  private JournalDirectory() {}

  /**
   * Rolls back every journal in {@code dir}: those named in {@code order} first, in that order,
   * then any others by name. Leftover temporary files from an interrupted write are deleted (the
   * rename never happened, so the journal they would have replaced is still intact).
   *
   * @return what was undone and what failed, over all journals
   */
  public static RollbackReport recover(Path dir, UndoExecutor executor, List<String> order)
      throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          String f = p.getFileName().toString();
          if (f.endsWith(FileChangeJournal.SUFFIX + ".tmp")) {
            Files.deleteIfExists(p);
          } else if (f.endsWith(FileChangeJournal.SUFFIX)) {
            names.add(f.substring(0, f.length() - FileChangeJournal.SUFFIX.length()));
          }
        }
      }
    }
    names.sort(
        Comparator.<String>comparingInt(
                n -> order.contains(n) ? order.indexOf(n) : order.size())
            .thenComparing(Comparator.naturalOrder()));
    List<dev.fulmar.core.spi.UndoStep> undone = new ArrayList<>();
    List<RollbackReport.Failure> failed = new ArrayList<>();
    for (String name : names) {
      RollbackReport r;
      try {
        r = FileChangeJournal.open(dir, name, executor).rollback();
      } catch (IllegalArgumentException e) {
        continue; // not one of ours: the name does not follow the journal naming rule
      }
      undone.addAll(r.undone());
      failed.addAll(r.failed());
    }
    return new RollbackReport(undone, failed);
  }
}
