package dev.fulmar.helper.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A client that sends whatever bytes a test wants and reads lines with a timeout. */
final class RawClient implements AutoCloseable {
  static final String HELLO = "{\"type\":\"hello\",\"id\":1,\"minVersion\":1,\"maxVersion\":1,"
      + "\"client\":\"raw\"}\n";
  private final SocketChannel ch;
  private final Selector selector;
  private final StringBuilder pending = new StringBuilder();
  private boolean eof;

  RawClient(Path socket) throws IOException {
    ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    ch.configureBlocking(false);
    selector = Selector.open();
    ch.register(selector, SelectionKey.OP_READ);
  }

  /** Writes all of {@code text}; false when the helper closed the connection. */
  boolean send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  boolean send(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (b.hasRemaining() && System.nanoTime() < end) {
        if (ch.write(b) == 0) {
          Thread.onSpinWait();
        }
      }
      return !b.hasRemaining();
    } catch (IOException e) {
      return false;
    }
  }

  /** The next line, or null at end of stream or after {@code timeout}. */
  String readLine(Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      int nl = pending.indexOf("\n");
      if (nl >= 0) {
        String line = pending.substring(0, nl);
        pending.delete(0, nl + 1);
        return line;
      }
      long left = end - System.nanoTime();
      if (eof || left <= 0) {
        return null;
      }
      selector.select(Math.max(1, left / 1_000_000));
      selector.selectedKeys().clear();
      ByteBuffer in = ByteBuffer.allocate(65536);
      int n;
      try {
        n = ch.read(in);
      } catch (IOException e) {
        n = -1;
      }
      if (n < 0) {
        eof = true;
      } else {
        pending.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
      }
    }
  }

  /** Whether the helper closed the connection within {@code timeout} (reads and drops lines). */
  boolean awaitClosed(Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!eof && System.nanoTime() < end) {
      readLine(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
    }
    return eof;
  }

  @Override
  public void close() throws IOException {
    selector.close();
    ch.close();
  }
}
