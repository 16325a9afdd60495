package dev.fulmar.adapters.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connected {@code AF_UNIX} stream pair in a fresh temporary directory, this process on both
 * ends; {@link #close} removes everything.
 */
public final class ConnectedPair implements AutoCloseable {
  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel server;
  private final SocketChannel client;
  private final SocketChannel accepted;

  private ConnectedPair(Path dir, Path socket, ServerSocketChannel server, SocketChannel client,
      SocketChannel accepted) {
    this.dir = dir;
    this.socket = socket;
    this.server = server;
    this.client = client;
    this.accepted = accepted;
  }

  /** Binds, connects and accepts. */
  public static ConnectedPair open() throws IOException {
    Path dir = Files.createTempDirectory("fulmar-peer");
    Path socket = dir.resolve("s");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      SocketChannel client = SocketChannel.open(server.getLocalAddress());
      return new ConnectedPair(dir, socket, server, client, server.accept());
    } catch (IOException | RuntimeException e) {
      server.close();
      Files.deleteIfExists(socket);
      Files.delete(dir);
      throw e;
    }
  }

  /** The server's end, as the helper holds it after {@code accept()}. */
  public SocketChannel accepted() {
    return accepted;
  }

  @Override
  public void close() throws IOException {
    try (server; client; accepted) {
      Files.deleteIfExists(socket);
      Files.delete(dir);
    }
  }
}
