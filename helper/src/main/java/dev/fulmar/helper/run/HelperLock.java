package dev.fulmar.helper.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One helper process per journal: {@code fulmard run}, {@code cleanup} and the daemon take this
 * lock before touching the journal, so that crash recovery never undoes the changes of a helper
 * that is still running. The kernel drops the lock when its holder dies, even by {@code kill -9},
 * so a crashed helper never blocks the next start. The file holds the holder's PID for messages.
 */
public final class HelperLock implements AutoCloseable {
  static final String FILE_NAME = "fulmard.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private HelperLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code journalDir} (created with mode 0700 if missing).
   *
   * @throws IOException naming the running holder when another process has it
   */
  public static HelperLock acquire(Path journalDir) throws IOException {
    Path file = journalDir.resolve(FILE_NAME);
    FileChannel ch;
    try {
      if (!Files.isDirectory(journalDir)) {
        Files.createDirectories(journalDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IOException("no permission to use the journal " + journalDir
          + ": changing routes, DNS and devices needs root (run fulmard as root)", e);
    }
    try {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException inThisJvm) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
        throw new IOException("another fulmard (pid " + (holder.isEmpty() ? "?" : holder)
            + ") is using " + journalDir + "; stop it first");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.US_ASCII)), 0);
      ch.force(false);
      return new HelperLock(ch, lock);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
