package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.KeyLogSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the key log into a directory as Wireshark's two UAT files, {@code ikev2_decryption_table}
 * and {@code esp_sa} (copy them into a Wireshark profile directory to decrypt a capture). Each
 * append rewrites the file through a temporary file and a rename, readable by the owner only.
 */
public final class KeyLogDirectory implements KeyLogSink {
  private final Path dir;

  public KeyLogDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    this.dir = dir;
  }

  public Path directory() {
    return dir;
  }

  @Override
  public synchronized void append(Table table, String uatRecord) {
    Path file = dir.resolve(table.fileName());
    try {
      String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      Path tmp = Files.createTempFile(dir, "." + table.fileName(), ".tmp");
      try {
        trySetOwnerOnly(tmp);
        Files.writeString(tmp, before + uatRecord + "\n", StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key log " + file, e);
    }
  }

  private static void trySetOwnerOnly(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the directory's permissions apply.
    }
  }
}
