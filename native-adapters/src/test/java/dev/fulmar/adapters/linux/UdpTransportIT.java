package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.adapters.jdk.JdkUdpTransport;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link UdpTransport} contract, for every implementation, on loopback inside a network
 * namespace the test creates.
 */
class UdpTransportIT {

  private static final int HEADROOM = 32;

  interface Binder {
    UdpTransport bind(InetSocketAddress local) throws IOException;
  }

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of("jdk", (Binder) JdkUdpTransport::bind),
        Arguments.of("linux-offload", (Binder) LinuxUdpTransport::bind));
  }

  private NetNs ns;

  @BeforeEach
  void setUp() throws IOException {
    ns = NetNs.create();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (ns != null) {
      ns.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void datagramsArriveWithTheirSourceOverIpv4AndIpv6(String name, Binder binder)
      throws Exception {
    for (String lo : List.of("127.0.0.1", "::1")) {
      try (UdpTransport a = ns.call(() -> binder.bind(new InetSocketAddress(ip(lo), 0)));
          UdpTransport b = ns.call(() -> binder.bind(new InetSocketAddress(ip(lo), 0)))) {
        assertThat(a.localAddress().getPort()).isPositive();
        byte[][] out = {datagram(100, 1), datagram(1400, 2), datagram(7, 3)};
        int[] sizes = {100, 1400, 7};
        assertThat(a.send(out, sizes, HEADROOM, 3, b.localAddress())).isEqualTo(3);

        List<byte[]> got = receive(b, 3, a.localAddress());
        assertThat(got).hasSize(3);
        for (int i = 0; i < 3; i++) {
          assertThat(got.get(i)).isEqualTo(
              java.util.Arrays.copyOfRange(out[i], HEADROOM, HEADROOM + sizes[i]));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void severalThreadsMaySendAtOnce(String name, Binder binder) throws Exception {
    try (UdpTransport a = ns.call(() -> binder.bind(new InetSocketAddress(ip("127.0.0.1"), 0)));
        UdpTransport b = ns.call(() -> binder.bind(new InetSocketAddress(ip("127.0.0.1"), 0)))) {
      int threads = 4;
      int each = 40;
      List<Thread> senders = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        int id = t;
        senders.add(new Thread(() -> {
          try {
            for (int k = 0; k < each; k += 8) {
              byte[][] out = new byte[8][];
              int[] sizes = new int[8];
              for (int j = 0; j < 8; j++) {
                out[j] = datagram(600, id * each + k + j); // < 256: distinct contents
                sizes[j] = 600;
              }
              a.send(out, sizes, HEADROOM, 8, b.localAddress());
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      senders.forEach(Thread::start);
      List<byte[]> got = receive(b, threads * each, a.localAddress());
      for (Thread t : senders) {
        t.join(10_000);
      }
      assertThat(failures).isEmpty();
      java.util.Set<Integer> seeds = new java.util.HashSet<>();
      for (byte[] d : got) {
        int seed = seedOf(d);
        assertThat(d).isEqualTo(java.util.Arrays.copyOfRange(datagram(600, seed), HEADROOM,
            HEADROOM + 600));
        seeds.add(seed);
      }
      assertThat(seeds).hasSize(threads * each); // none lost, none torn
    }
  }

  /** Recovers the seed {@link #datagram} used from the first two payload bytes. */
  private static int seedOf(byte[] d) {
    for (int seed = 0; seed < 256; seed++) {
      if (d[0] == (byte) (seed * 31) && d[1] == (byte) (seed * 31 + 1)
          && d[599] == (byte) (seed * 31 + 599)) {
        byte[] expect = java.util.Arrays.copyOfRange(datagram(600, seed), HEADROOM, HEADROOM + 600);
        if (java.util.Arrays.equals(expect, d)) {
          return seed;
        }
      }
    }
    throw new AssertionError("torn datagram");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void closeEndsABlockedReceive(String name, Binder binder) throws Exception {
    UdpTransport t = ns.call(() -> binder.bind(new InetSocketAddress(ip("127.0.0.1"), 0)));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        t.receive(new byte[][] {new byte[2048]}, new int[1], new InetSocketAddress[1], 0);
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    });
    reader.start();
    Blocking.awaitBlockedIn(reader, blockingMethod(t));
    t.close();
    assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
    t.close();
  }

  private static String blockingMethod(UdpTransport t) {
    return t instanceof JdkUdpTransport ? "receive0" : "await";
  }

  static byte[] datagram(int size, int seed) {
    byte[] b = new byte[HEADROOM + size + 16];
    for (int i = 0; i < size; i++) {
      b[HEADROOM + i] = (byte) (seed * 31 + i);
    }
    return b;
  }

  /** Receives {@code count} datagrams, checking each came from {@code expectedFrom}. */
  static List<byte[]> receive(UdpTransport t, int count, InetSocketAddress expectedFrom)
      throws IOException {
    List<byte[]> got = new ArrayList<>();
    int batch = Math.max(1, t.batchSize());
    byte[][] bufs = new byte[batch][HEADROOM + 65536];
    int[] sizes = new int[batch];
    InetSocketAddress[] from = new InetSocketAddress[batch];
    while (got.size() < count) {
      int n = t.receive(bufs, sizes, from, HEADROOM);
      for (int i = 0; i < n; i++) {
        assertThat(from[i]).isEqualTo(expectedFrom);
        got.add(java.util.Arrays.copyOfRange(bufs[i], HEADROOM, HEADROOM + sizes[i]));
      }
    }
    return got;
  }
}
