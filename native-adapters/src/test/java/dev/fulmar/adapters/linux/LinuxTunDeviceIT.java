package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxTunDeviceIT {

  private static final int HEADROOM = 64;

  @TempDir Path journalDir;
  private NetNs ns;
  private FileChangeJournal journal;
  private LinuxTunDeviceFactory factory;

  @BeforeEach
  void setUp() throws IOException {
    ns = NetNs.create();
    journal = FileChangeJournal.open(journalDir, "tun", new LinuxUndoActions(ns.runner()));
    factory = new LinuxTunDeviceFactory(journal);
  }

  @AfterEach
  void tearDown() throws IOException {
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void createsANamedDeviceWithItsMtuAndRemovesItOnClose() throws IOException {
    TunDevice tun = ns.call(() -> factory.create(new TunOptions("fulmar%d", 1400, false)));
    assertThat(tun.name()).isEqualTo("fulmar0");
    assertThat(ns.exec("ip", "-d", "link", "show", "fulmar0"))
        .contains("mtu 1400")
        .contains("tun type tun pi off vnet_hdr off persist off");
    assertThat(journal.pending()).containsExactly(LinuxUndoActions.deleteTunDevice("fulmar0"));

    tun.close();
    assertThat(ns.runner().run("ip", "link", "show", "fulmar0").exitCode()).isNotZero();
    assertThat(journal.pending()).isEmpty();
  }

  @Test
  void picksTheNextFreeNameAndRefusesATakenExactName() throws IOException {
    try (TunDevice a = ns.call(() -> factory.create(new TunOptions("fulmar%d", 1400, false)));
        TunDevice b = ns.call(() -> factory.create(new TunOptions("fulmar%d", 1400, false)))) {
      assertThat(a.name()).isEqualTo("fulmar0");
      assertThat(b.name()).isEqualTo("fulmar1");
      assertThatThrownBy(() -> ns.call(() -> factory.create(new TunOptions("fulmar1", 1400, false))))
          .isInstanceOf(SystemConfigException.class)
          .hasMessageContaining("CREATE_ADAPTER: interface fulmar1 already exists");
    }
  }

  @Test
  void readsWhatTheKernelRoutesIntoItAndDeliversWhatIsWritten() throws Exception {
    try (TunDevice tun = ns.call(() -> factory.create(new TunOptions("fulmar%d", 1400, false)))) {
      ns.exec("ip", "addr", "add", "10.8.0.1/24", "dev", "fulmar0");
      ns.exec("ip", "link", "set", "fulmar0", "up");
      DatagramChannel sock = ns.call(() -> DatagramChannel.open().bind(
          new InetSocketAddress(ip("10.8.0.1"), 0)));
      int port = ((InetSocketAddress) sock.getLocalAddress()).getPort();

      // outbound: a datagram to the far side of the tunnel arrives on the TUN as an IP packet
      sock.send(ByteBuffer.wrap("hello tun".getBytes(StandardCharsets.US_ASCII)),
          new InetSocketAddress(ip("10.8.0.2"), 9999));
      // (IPv6 router solicitations may come first: the link just went up)
      byte[] pkt = readIpv4(tun);
      assertThat(Packets.get16(pkt, HEADROOM + 2)).isEqualTo(20 + 8 + 9);
      assertThat(java.util.Arrays.copyOfRange(pkt, HEADROOM + 16, HEADROOM + 20))
          .isEqualTo(ip("10.8.0.2").getAddress());
      assertThat(new String(pkt, HEADROOM + 28, 9, StandardCharsets.US_ASCII))
          .isEqualTo("hello tun");

      // inbound: a packet written to the TUN is delivered to the local socket
      byte[][] out = {new byte[2048]};
      int len = Packets.udp4(out[0], HEADROOM, ip("10.8.0.2"), 9999, ip("10.8.0.1"), port,
          "hello back".getBytes(StandardCharsets.US_ASCII));
      assertThat(tun.write(out, new int[] {len}, HEADROOM, 1)).isEqualTo(1);
      ByteBuffer rx = ByteBuffer.allocate(100);
      sock.configureBlocking(true);
      InetSocketAddress from = (InetSocketAddress) sock.receive(rx);
      assertThat(from).isEqualTo(new InetSocketAddress(ip("10.8.0.2"), 9999));
      assertThat(new String(rx.array(), 0, rx.position(), StandardCharsets.US_ASCII))
          .isEqualTo("hello back");
      sock.close();
    }
  }

  /** Reads until an IPv4 packet arrives; returns its buffer (packet at HEADROOM). */
  static byte[] readIpv4(TunDevice tun) throws IOException {
    byte[][] bufs = new byte[8][2048];
    int[] sizes = new int[8];
    for (int tries = 0; tries < 20; tries++) {
      int n = tun.read(bufs, sizes, HEADROOM);
      for (int i = 0; i < n; i++) {
        if ((bufs[i][HEADROOM] >> 4) == 4) {
          return bufs[i];
        }
      }
    }
    throw new AssertionError("no IPv4 packet came out of " + tun.name());
  }

  @Test
  void aMalformedPacketIsDroppedAndCountedNotFatal() throws IOException {
    try (LinuxTunDevice tun = (LinuxTunDevice) ns.call(
        () -> factory.create(new TunOptions("fulmar%d", 1400, false)))) {
      ns.exec("ip", "link", "set", "fulmar0", "up");
      byte[][] bufs = {new byte[100]};
      bufs[0][0] = (byte) 0x70; // IP version 7
      assertThat(tun.write(bufs, new int[] {40}, 0, 1)).isZero();
      assertThat(tun.rejectedWrites()).isEqualTo(1);
    }
  }

  @Test
  void closeEndsABlockedRead() throws Exception {
    TunDevice tun = ns.call(() -> factory.create(new TunOptions("fulmar%d", 1400, false)));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        tun.read(new byte[][] {new byte[2048]}, new int[1], 0);
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    reader.start();
    Blocking.awaitBlockedIn(reader, "await");
    tun.close();
    assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> tun.read(new byte[][] {new byte[10]}, new int[1], 0))
        .isInstanceOf(ClosedChannelException.class);
    tun.close(); // idempotent
  }
}
