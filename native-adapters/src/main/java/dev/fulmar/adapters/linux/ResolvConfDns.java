package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemChangeJournal;
import dev.fulmar.core.spi.UndoStep;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * DNS through {@code /etc/resolv.conf} for hosts without systemd-resolved: the file (or the
 * symlink, kept as a symlink) is first copied to a backup beside the journal, then replaced
 * atomically (temporary file in the same directory + rename) by one that lists the tunnel's
 * servers first; on undo the backup is put back the same way. Nothing else is touched.
 *
 * <p>The undo step carries a hash of the file Fulmar wrote: if another program (NetworkManager,
 * a DHCP client) rewrote the file in between, that program owns it now and the backup is dropped
 * instead of overwriting its newer content.
 */
final class ResolvConfDns implements LinuxDns {

  private final Path target;
  private final Path backupDir;

  /**
   * @param target the resolver file, normally {@code /etc/resolv.conf}
   * @param backupDir a directory on persistent storage (the file outlives a reboot, so must its
   *     backup), normally the journal directory
   */
  ResolvConfDns(Path target, Path backupDir) {
    this.target = target;
    this.backupDir = backupDir;
  }

  @Override
  public void apply(String dev, DnsSettings dns, RoutingMode mode, SystemChangeJournal journal)
      throws IOException {
    if (dns.isEmpty()) {
      return;
    }
    String original = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
    String content = ResolvConfFile.render(dev, dns, mode, original);
    UndoStep step;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Path backup = backupDir.resolve(target.getFileName() + ".fulmar-backup");
      copyAtomically(target, backup);
      step = LinuxUndoActions.restoreFile(target, backup, sha256(content));
    } else {
      step = LinuxUndoActions.deleteFile(target, sha256(content));
    }
    journal.record(step);
    Path tmp = target.resolveSibling("." + target.getFileName() + ".fulmar-tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    FileSync.force(tmp);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Puts {@code backup} back at {@code target} unless the target's content changed since Fulmar
   * wrote it (hash {@code writtenSha256}); deletes the backup. A missing backup means the restore
   * already happened.
   */
  static void restore(Path target, Path backup, String writtenSha256) throws IOException {
    if (!Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
    if (sha256(current).equals(writtenSha256)) {
      Path tmp = target.resolveSibling("." + target.getFileName() + ".fulmar-tmp");
      copyAtomically(backup, tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      FileSync.forceDirectory(target.toAbsolutePath().getParent());
    }
    Files.delete(backup);
  }

  /** Deletes {@code target} if it still holds what Fulmar wrote (hash {@code writtenSha256}). */
  static void delete(Path target, String writtenSha256) throws IOException {
    if (Files.exists(target)
        && sha256(Files.readString(target, StandardCharsets.UTF_8)).equals(writtenSha256)) {
      Files.delete(target);
      FileSync.forceDirectory(target.toAbsolutePath().getParent());
    }
  }

  /** Copies {@code from} (a file or a symlink, kept as one) to {@code to} atomically. */
  private static void copyAtomically(Path from, Path to) throws IOException {
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (Files.isSymbolicLink(from)) {
      Files.createSymbolicLink(tmp, Files.readSymbolicLink(from));
    } else {
      Files.copy(from, tmp, StandardCopyOption.COPY_ATTRIBUTES);
      FileSync.force(tmp);
    }
    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FileSync.forceDirectory(to.toAbsolutePath().getParent());
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }

  @Override
  public String describe() {
    return target + " (no systemd-resolved)";
  }
}
