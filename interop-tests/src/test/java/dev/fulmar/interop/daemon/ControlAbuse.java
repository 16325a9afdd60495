package dev.fulmar.interop.daemon;

import dev.fulmar.control.client.ControlClient;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Abuses a running helper's control socket as issue 4 asks: a stream of fuzzed and malformed
 * lines (mutated valid messages, random bytes, deep nesting, wrong types, oversize lines) over
 * connections the helper keeps cutting off, while misbehaving clients hold connections open
 * (slow lines, no hello, floods of requests without reading the answers). Then one well-behaved
 * client's {@code hello} + {@code status} is timed. Bounded in count and time; seeded.
 */
final class ControlAbuse {
  /** What happened. */
  record Outcome(long linesAnswered, Duration statusAfter) {}

  private static final String[] VALID = {
    "{\"type\":\"hello\",\"id\":1,\"minVersion\":1,\"maxVersion\":1,\"client\":\"fuzz\"}",
    "{\"type\":\"status\",\"id\":2}",
    "{\"type\":\"list_profiles\",\"id\":3}",
    "{\"type\":\"logs\",\"id\":4,\"max\":5,\"afterSeq\":0}",
    "{\"type\":\"unsubscribe\",\"id\":5,\"topics\":[\"STATE\",\"LOG\"]}",
    "{\"type\":\"answer_prompt\",\"id\":6,\"promptId\":\"p-00\",\"cancel\":true}",
    "{\"type\":\"connect\",\"id\":7,\"profileName\":\"nope\"}",
  };

  private static final String SUBSCRIBE_ALL =
      "{\"type\":\"subscribe\",\"id\":5,\"topics\":[\"STATE\",\"STATS\",\"LOG\"]}";

  private ControlAbuse() {}

  static Outcome run(Path socket, int fuzzedLines, int badClients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(badClients + 4);
    AtomicLong sent = new AtomicLong();
    try {
      List<Future<?>> bad = new ArrayList<>();
      for (int i = 0; i < badClients; i++) {
        int kind = i % 5;
        bad.add(pool.submit(() -> misbehave(socket, kind)));
      }
      List<Future<?>> fuzz = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 4242 + t;
        fuzz.add(pool.submit(() -> fuzz(socket, fuzzedLines / 4, seed, sent)));
      }
      for (Future<?> f : fuzz) {
        f.get(5, TimeUnit.MINUTES);
      }
      long start = System.nanoTime();
      try (ControlClient c = ControlClient.connect(socket, "after-abuse", "1")) {
        c.status();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      for (Future<?> f : bad) {
        f.cancel(true);
      }
      return new Outcome(sent.get(), took);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static SocketChannel open(Path socket) throws IOException {
    SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
    c.connect(UnixDomainSocketAddress.of(socket));
    return c;
  }

  /**
   * Sends bad lines until {@code n} were answered (an error reply, or the helper cutting the
   * connection after its last error), reconnecting whenever the helper cuts it. A line the helper
   * ignores (whitespace only) is not counted.
   */
  private static Void fuzz(Path socket, int n, long seed, AtomicLong answered)
      throws IOException {
    Random r = new Random(seed);
    SocketChannel c = null;
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < n; ) {
        if (c == null) {
          c = open(socket);
          c.configureBlocking(false);
          c.register(selector, SelectionKey.OP_READ);
        }
        boolean open;
        try {
          write(c, line(r));
          open = awaitAnswer(c, selector, in);
          i++;
          answered.incrementAndGet();
        } catch (AnswerTimeout e) {
          continue; // ignored (empty) line: send the next one
        } catch (IOException e) {
          open = false; // cut off before the line went out: not counted
        }
        if (!open) {
          c.close();
          selector.selectNow(); // drop the cancelled key
          c = null;
        }
      }
    } finally {
      if (c != null) {
        c.close();
      }
    }
    return null;
  }

  private static final class AnswerTimeout extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Waits for a whole line back; false when the helper closed the connection instead. */
  private static boolean awaitAnswer(SocketChannel c, Selector selector, ByteBuffer in)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline) {
      selector.select(200);
      selector.selectedKeys().clear();
      in.clear();
      int got = c.read(in);
      if (got < 0) {
        return false;
      }
      for (int k = 0; k < in.position(); k++) {
        if (in.get(k) == '\n') {
          return true;
        }
      }
    }
    throw new AnswerTimeout();
  }

  private static void write(SocketChannel c, byte[] line) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(line);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (b.hasRemaining()) {
      if (c.write(b) == 0 && System.nanoTime() > deadline) {
        throw new IOException("the helper stopped reading");
      }
    }
  }

  private static byte[] line(Random r) {
    String base = VALID[r.nextInt(VALID.length)];
    String s;
    switch (r.nextInt(8)) {
      case 0 -> {
        byte[] junk = new byte[1 + r.nextInt(200)];
        r.nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
          junk[i] = junk[i] == '\n' ? (byte) ' ' : junk[i];
        }
        return (new String(junk, StandardCharsets.ISO_8859_1) + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
      }
      case 1 -> s = base.substring(0, r.nextInt(base.length()));
      case 2 -> s = "[".repeat(40 + r.nextInt(200)) + "]".repeat(3);
      case 3 -> s = base.replace("\"id\":", "\"id\":-").replace("1", "\"x\"");
      case 4 -> s = "{\"type\":\"" + "x".repeat(r.nextInt(50)) + "\",\"id\":" + r.nextLong() + "}";
      case 5 -> s = r.nextInt(50) == 0 ? "{\"a\":\"" + "A".repeat(1_100_000) + "\"}" : base;
      case 6 -> {
        StringBuilder b = new StringBuilder(base);
        for (int k = 0; k < 3; k++) {
          b.setCharAt(r.nextInt(b.length()), (char) (32 + r.nextInt(95)));
        }
        s = b.toString();
      }
      default -> s = base + "{\"type\":\"status\"}";
    }
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** One misbehaving client, until cancelled or cut off. */
  private static Void misbehave(Path socket, int kind) throws Exception {
    try (SocketChannel c = open(socket)) {
      switch (kind) {
        case 0 -> { // no hello, just sits there
          Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
        case 1 -> { // slowloris: one byte a second, never a newline
          for (int i = 0; i < 300; i++) {
            c.write(ByteBuffer.wrap(new byte[] {'{'}));
            Thread.sleep(1000);
          }
        }
        case 2 -> { // an oversize line without end
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'A');
          for (int i = 0; i < 40; i++) {
            c.write(ByteBuffer.wrap(chunk));
          }
          Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
        default -> { // hello, subscribe to everything, then floods requests and never reads
          c.write(ByteBuffer.wrap((VALID[0] + "\n" + SUBSCRIBE_ALL + "\n")
              .getBytes(StandardCharsets.UTF_8)));
          byte[] flood = ("{\"type\":\"logs\",\"id\":9,\"max\":2000,\"afterSeq\":0}\n")
              .getBytes(StandardCharsets.UTF_8);
          c.configureBlocking(false);
          long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
          while (System.nanoTime() < deadline) {
            if (c.write(ByteBuffer.wrap(flood)) == 0) {
              Thread.sleep(50);
            }
          }
        }
      }
    } catch (InterruptedException | IOException e) {
      // cancelled, or cut off by the helper: both expected
    }
    return null;
  }
}
