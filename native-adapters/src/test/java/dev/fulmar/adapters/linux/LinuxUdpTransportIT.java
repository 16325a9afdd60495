package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.adapters.jdk.JdkUdpTransport;
import dev.fulmar.core.spi.UdpOffload.Feature;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the offloads do on this kernel, on loopback inside a namespace the test creates. */
class LinuxUdpTransportIT {

  private static final int HEADROOM = 32;
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

  @Test
  void aBurstOfEqualDatagramsTakesOneSendAndFewReceives() throws IOException {
    try (LinuxUdpTransport a = bind(); LinuxUdpTransport b = bind()) {
      System.out.println("UDP offloads on " + System.getProperty("os.version") + ": "
          + a.offloads());
      assertThat(a.offloads()).contains(Feature.SEND_BATCH, Feature.RECEIVE_BATCH);
      int[] sizes = new int[48];
      Arrays.fill(sizes, 0, 40, 1400);
      sizes[40] = 500; // a shorter one ends the first run
      Arrays.fill(sizes, 41, 48, 200);
      byte[][] out = burst(sizes);

      assertThat(a.send(out, sizes, HEADROOM, sizes.length, b.localAddress())).isEqualTo(48);
      List<byte[]> got = UdpTransportIT.receive(b, 48, a.localAddress());
      for (int i = 0; i < sizes.length; i++) {
        assertThat(got.get(i)).as("datagram " + i)
            .isEqualTo(Arrays.copyOfRange(out[i], HEADROOM, HEADROOM + sizes[i]));
      }
      if (a.offloads().contains(Feature.SEGMENTATION)) {
        assertThat(a.syscalls()[0]).as("sendmmsg calls").isEqualTo(1);
      }
      if (b.offloads().contains(Feature.RECEIVE_COALESCING)) {
        assertThat(b.syscalls()[1]).as("recvmmsg calls for 48 datagrams").isLessThanOrEqualTo(3);
      }
      System.out.println("48 datagrams: " + a.syscalls()[0] + " send call(s), "
          + b.syscalls()[1] + " receive call(s)");
    }
  }

  @Test
  void aCoalescedBurstIsHandedOutInOrderAcrossSmallReceiveBatches() throws IOException {
    try (LinuxUdpTransport a = bind(); LinuxUdpTransport b = bind()) {
      int[] sizes = new int[41];
      Arrays.fill(sizes, 1400);
      sizes[40] = 300;
      byte[][] out = burst(sizes);
      a.send(out, sizes, HEADROOM, sizes.length, b.localAddress());
      // a caller batch of 4: what GRO merged stays pending in the transport between calls
      byte[][] bufs = new byte[4][HEADROOM + 2048];
      int[] got = new int[4];
      InetSocketAddress[] from = new InetSocketAddress[4];
      int received = 0;
      while (received < sizes.length) {
        int n = b.receive(bufs, got, from, HEADROOM);
        for (int i = 0; i < n; i++, received++) {
          assertThat(from[i]).isEqualTo(a.localAddress());
          assertThat(Arrays.copyOfRange(bufs[i], HEADROOM, HEADROOM + got[i]))
              .as("datagram " + received)
              .isEqualTo(Arrays.copyOfRange(out[received], HEADROOM, HEADROOM + sizes[received]));
        }
      }
      if (b.offloads().contains(Feature.RECEIVE_COALESCING)) {
        assertThat(b.syscalls()[1]).as("recvmmsg calls for 41 datagrams").isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void interoperatesWithAPlainSocketBothWays() throws IOException {
    try (LinuxUdpTransport fast = bind();
        UdpTransport plain = ns.call(() -> JdkUdpTransport.bind(
            new InetSocketAddress(ip("127.0.0.1"), 0)))) {
      int[] sizes = new int[20];
      Arrays.fill(sizes, 1200);
      byte[][] out = burst(sizes);
      // GSO super-datagram to a socket without GRO: the kernel segments it on delivery
      fast.send(out, sizes, HEADROOM, 20, plain.localAddress());
      assertThat(UdpTransportIT.receive(plain, 20, fast.localAddress())).hasSize(20);
      // many plain datagrams into a GRO socket
      plain.send(out, sizes, HEADROOM, 20, fast.localAddress());
      List<byte[]> got = UdpTransportIT.receive(fast, 20, plain.localAddress());
      assertThat(got).allSatisfy(d -> assertThat(d).hasSize(1200));
    }
  }

  @Test
  void ipv4PeersOfAnIpv6SocketAreMappedBothWays() throws IOException {
    try (LinuxUdpTransport dual = ns.call(() -> LinuxUdpTransport.bind(
            new InetSocketAddress(ip("::"), 0)));
        LinuxUdpTransport v4 = bind()) {
      int[] sizes = {10};
      byte[][] out = burst(sizes);
      v4.send(out, sizes, HEADROOM, 1,
          new InetSocketAddress(ip("127.0.0.1"), dual.localAddress().getPort()));
      assertThat(UdpTransportIT.receive(dual, 1, v4.localAddress())).hasSize(1);
      dual.send(out, sizes, HEADROOM, 1, v4.localAddress());
      assertThat(UdpTransportIT.receive(v4, 1, new InetSocketAddress(ip("127.0.0.1"),
          dual.localAddress().getPort()))).hasSize(1);
    }
  }

  @Test
  void datagramsLargerThanTheCallersBufferAreDroppedAndCounted() throws IOException {
    try (LinuxUdpTransport a = bind(); LinuxUdpTransport b = bind()) {
      int[] sizes = {3000, 100};
      a.send(burst(sizes), sizes, HEADROOM, 1, b.localAddress());
      a.send(burst(sizes), new int[] {100}, HEADROOM, 1, b.localAddress());
      byte[][] small = new byte[4][HEADROOM + 2000];
      int n = b.receive(small, new int[4], new InetSocketAddress[4], HEADROOM);
      assertThat(n).isEqualTo(1);
      assertThat(b.oversizeDrops()).isEqualTo(1);
    }
  }

  private LinuxUdpTransport bind() throws IOException {
    return ns.call(() -> LinuxUdpTransport.bind(new InetSocketAddress(ip("127.0.0.1"), 0)));
  }

  private static byte[][] burst(int[] sizes) {
    byte[][] out = new byte[sizes.length][];
    for (int i = 0; i < sizes.length; i++) {
      out[i] = UdpTransportIT.datagram(sizes[i], i + 1);
    }
    return out;
  }
}
