package dev.fulmar.adapters.jdk;

import dev.fulmar.core.spi.SystemChangeJournal;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link SystemChangeJournal} kept in one text file, {@code <dir>/<name>.journal}: a header line
 * and one undo step per line (kind and arguments, tab-separated, percent-escaped).
 *
 * <p>Every update writes the whole file to a temporary file, forces it to disk, renames it over the
 * journal and forces the directory, so that after a crash the file holds either the old or the new
 * list of steps, never a torn one. Journals hold a few dozen steps, so rewriting is cheap. An empty
 * journal is deleted. See {@link JournalDirectory} for crash recovery over all journals.
 */
public final class FileChangeJournal implements SystemChangeJournal {

  static final String SUFFIX = ".journal";
  static final String HEADER = "# fulmar system change journal v1";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private final String name;
  private final Path dir;
  private final Path file;
  private final UndoExecutor executor;
  private final List<UndoStep> steps;
  private final List<String> unreadable;

  private FileChangeJournal(
      String name, Path dir, UndoExecutor executor, List<UndoStep> steps, List<String> bad) {
    this.name = name;
    this.dir = dir;
    this.file = dir.resolve(name + SUFFIX);
    this.executor = executor;
    this.steps = steps;
    this.unreadable = bad;
  }

  /**
   * Opens the journal {@code name} in {@code dir} (created with mode 0700 if missing), loading the
   * steps a previous process left in it.
   */
  public static FileChangeJournal open(Path dir, String name, UndoExecutor executor)
      throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid journal name '" + name + "'");
    }
    createPrivateDirectory(dir);
    Path file = dir.resolve(name + SUFFIX);
    List<UndoStep> steps = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    if (Files.exists(file)) {
      JournalCodec.decode(Files.readAllLines(file, StandardCharsets.UTF_8), steps, bad);
    }
    return new FileChangeJournal(name, dir, executor, steps, bad);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void record(UndoStep step) throws IOException {
    steps.add(step);
    try {
      persist();
    } catch (IOException e) {
      steps.remove(steps.size() - 1);
      throw e;
    }
  }

  @Override
  public synchronized void discard(UndoStep step) throws IOException {
    int i = steps.lastIndexOf(step);
    if (i >= 0) {
      steps.remove(i);
      persist();
    }
  }

  @Override
  public synchronized List<UndoStep> pending() {
    return List.copyOf(steps);
  }

  @Override
  public synchronized RollbackReport rollback() {
    List<UndoStep> undone = new ArrayList<>();
    List<RollbackReport.Failure> failed = new ArrayList<>();
    for (String line : unreadable) {
      failed.add(new RollbackReport.Failure(UndoStep.of("journal.unreadable"), line));
    }
    unreadable.clear();
    for (int i = steps.size() - 1; i >= 0; i--) {
      UndoStep step = steps.get(i);
      try {
        executor.undo(step);
        steps.remove(i);
        undone.add(step);
        persist();
      } catch (IOException | RuntimeException e) {
        failed.add(new RollbackReport.Failure(step, String.valueOf(e.getMessage())));
      }
    }
    try {
      persist();
    } catch (IOException e) {
      failed.add(new RollbackReport.Failure(UndoStep.of("journal.write"), e.getMessage()));
    }
    return new RollbackReport(undone, failed);
  }

  private void persist() throws IOException {
    if (steps.isEmpty()) {
      Files.deleteIfExists(file);
      forceDirectory(dir);
      return;
    }
    Path tmp = dir.resolve(name + SUFFIX + ".tmp");
    byte[] bytes = JournalCodec.encode(HEADER, steps).getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("journal directory " + dir + " does not support atomic rename", e);
    }
    forceDirectory(dir);
  }

  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void createPrivateDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  @Override
  public String toString() {
    return "FileChangeJournal[" + file + ", " + steps.size() + " pending]";
  }
}
