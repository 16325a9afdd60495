package dev.fulmar.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * One app per user: the first instance listens on a Unix socket in the user's runtime directory;
 * a second start (e.g. the file manager opening a profile) hands its request over and exits. A
 * request is one line: {@code show}, or {@code import} followed by a tab and an absolute path.
 */
final class SingleInstance implements AutoCloseable {
  private static final int MAX_LINE = 8192;
  private final ServerSocketChannel server;
  private final Path socket;

  private SingleInstance(ServerSocketChannel server, Path socket) {
    this.server = server;
    this.socket = socket;
  }

  /** The socket for this user: in {@code $XDG_RUNTIME_DIR}, else a private temp directory. */
  static Path defaultSocket() {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "fulmar-app.sock");
    }
    return Path.of(System.getProperty("java.io.tmpdir"),
        "fulmar-app-" + System.getProperty("user.name", "user"), "app.sock");
  }

  /**
   * Hands {@code request} to a running instance; true when one took it, false when none runs
   * (then a stale socket file is removed).
   */
  static boolean handOver(Path socket, String request) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
      ByteBuffer reply = ByteBuffer.allocate(16);
      ch.read(reply);
      return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8)
          .startsWith("ok");
    } catch (IOException e) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException ignored) {
        // the next bind reports it
      }
      return false;
    }
  }

  /** Listens on {@code socket}; each request goes to {@code handler} (on a daemon thread). */
  static SingleInstance listen(Path socket, Consumer<String> handler) throws IOException {
    Path dir = socket.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system (Windows): the user's temp directory is private already
      }
    }
    checkPrivate(dir);
    Files.deleteIfExists(socket);
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    SingleInstance si = new SingleInstance(s, socket);
    Thread t = new Thread(() -> si.runAcceptLoop(handler), "fulmar-app-instance");
    t.setDaemon(true);
    t.start();
    return si;
  }

  /**
   * Refuses a directory that others could reach (e.g. one another user created in /tmp first):
   * it must be ours and closed to group and others.
   */
  static void checkPrivate(Path dir) throws IOException {
    try {
      String me = System.getProperty("user.name");
      String owner = Files.getOwner(dir).getName();
      var perms = Files.getPosixFilePermissions(dir);
      boolean open = perms.stream().anyMatch(p -> p.name().startsWith("GROUP")
          || p.name().startsWith("OTHERS"));
      if (!owner.equals(me) || open) {
        throw new IOException(dir + " belongs to " + owner + " or is open to others ("
            + PosixFilePermissions.toString(perms) + "): not listening there");
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }

  private void runAcceptLoop(Consumer<String> handler) {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        ByteBuffer in = ByteBuffer.allocate(MAX_LINE);
        while (in.hasRemaining() && ch.read(in) > 0) {
          if (in.get(in.position() - 1) == '\n') {
            break;
          }
        }
        String line = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).strip();
        if (line.equals("show") || line.startsWith("import\t")) {
          handler.accept(line);
          ch.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }
}
