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
 * Writes a file so that readers see the old or the new content, never a part: a temporary file in
 * the same directory, written and fsynced, then renamed over the target, then the directory
 * fsynced. Files are private to the user (0600) where the file system has POSIX permissions.
 */
final class AtomicFiles {
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

  static void write(Path target, byte[] content, Mover mover) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = createPrivateTemp(dir, target.getFileName().toString());
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

  private static Path createPrivateTemp(Path dir, String name) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(
          dir,
          "." + name + ".",
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, "." + name + ".", ".tmp");
  }

  /** Makes the rename durable (POSIX); directories cannot be opened this way on Windows. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the data itself is already on disk
    }
  }
}
