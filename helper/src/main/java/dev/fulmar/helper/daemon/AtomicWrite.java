package dev.fulmar.helper.daemon;

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
 * Replaces a file so that readers see the old or the new content, never a part, with the mode
 * the file is meant to have from the first byte: a temporary file in the same directory created
 * with that mode, written and fsynced, renamed over the target, then the directory fsynced.
 */
final class AtomicWrite {
  private AtomicWrite() {}

  /**
   * Writes {@code content} to {@code target} with POSIX permissions {@code mode} (e.g. {@code
   * rw-r--r--}); the mode is ignored where the file system has none.
   */
  static void write(Path target, byte[] content, String mode) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String prefix = "." + target.getFileName() + ".";
    Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(dir, prefix, ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)))
        : Files.createTempFile(dir, prefix, ".tmp");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // the umask may have taken bits away at creation
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes a rename or delete durable (POSIX); directories cannot be opened so on Windows. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the data itself is on disk
    }
  }
}
