package dev.fulmar.helper.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Creates the control socket with the permissions that keep everyone but root and the operator
 * group out: the directory {@code 0750} and the socket {@code 0660}, both group-owned by the
 * operator group. The directory is what closes the window between {@code bind} and {@code chmod}.
 * A socket left by a dead helper is replaced; a live helper's is not.
 */
final class SocketSetup {
  private SocketSetup() {}

  /**
   * Binds the server socket at {@code path}; {@code group} may be null (ownership unchanged).
   * When the group does not exist the socket stays root-only and {@code warn} says so.
   */
  static ServerSocketChannel bind(Path path, String group,
      java.util.function.Consumer<String> warn) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      if (posix) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        chgrp(dir, group, warn);
      }
    }
    replaceStale(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
      if (posix) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        chgrp(path, group, warn);
      }
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static void replaceStale(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    boolean live;
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      live = probe.isConnected();
    } catch (IOException e) {
      live = false;
    }
    if (live) {
      throw new IOException("another helper is already serving " + path
          + "; stop it first (sudo systemctl stop fulmard)");
    }
    Files.delete(path); // nothing listens: left over from a helper that died
  }

  private static void chgrp(Path p, String group, java.util.function.Consumer<String> warn)
      throws IOException {
    if (group == null) {
      return;
    }
    try {
      GroupPrincipal g = p.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByGroupName(group);
      Files.getFileAttributeView(p, PosixFileAttributeView.class).setGroup(g);
    } catch (UserPrincipalNotFoundException e) {
      warn.accept("group '" + group + "' does not exist, so only root can use " + p
          + "; create it (sudo groupadd " + group + ") and add the VPN users to it");
    }
  }
}
