package dev.fulmar.profiles.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers (and a crash) see the old or the new content, never a part: a
 * temporary file in the same directory, created with the file's final mode, written and fsynced,
 * renamed over the target, then the directory fsynced. The one implementation for the profile
 * store, the app's settings and files, and the helper's configuration.
 */
public final class AtomicFiles {
  /** Private to the user: the mode of {@link #write(Path, byte[])}. */
  public static final String PRIVATE = "rw-------";

  /** The final rename; a seam for tests that simulate a crash before it. */
  interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  static final Mover RENAME =
      (from, to) -> {
        try {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      };

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content}, private to the user (0600). */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, PRIVATE, RENAME);
  }

  /**
   * Replaces {@code target} with {@code content} with POSIX permissions {@code mode} (e.g. {@code
   * rw-r--r--}) from the first byte; the mode is ignored where the file system has none.
   */
  public static void write(Path target, byte[] content, String mode) throws IOException {
    write(target, content, mode, RENAME);
  }

  static void write(Path target, byte[] content, Mover mover) throws IOException {
    write(target, content, PRIVATE, mover);
  }

  private static void write(Path target, byte[] content, String mode, Mover mover)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = createTemp(dir, target.getFileName().toString(), mode);
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      mover.move(tmp, target);
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path createTemp(Path dir, String name, String mode) throws IOException {
    String prefix = "." + name + ".";
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(dir, prefix, ".tmp");
    }
    Path tmp = Files.createTempFile(dir, prefix, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    // the umask may have taken bits away at creation
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
    return tmp;
  }

  /** Makes a rename or delete durable (POSIX); directories cannot be opened so on Windows. */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the data itself is already on disk
    }
  }
}
