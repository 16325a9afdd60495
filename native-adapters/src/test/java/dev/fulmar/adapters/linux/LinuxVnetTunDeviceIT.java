package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOffload;
import dev.fulmar.core.spi.TunOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two namespaces, each with a TUN device, joined by two forwarder threads: TCP between the
 * namespaces crosses both devices, so the kernel's TSO super-packets are split on read and the
 * segments coalesced again on write. TCP itself checks every byte (and the test a hash of them).
 */
class LinuxVnetTunDeviceIT {

  private static final int HEADROOM = 64;
  private static final int BYTES = 8 << 20;

  @TempDir Path journalDir;
  private NetNs a;
  private NetNs b;

  @BeforeEach
  void setUp() throws IOException {
    a = NetNs.create();
    b = NetNs.create();
  }

  @AfterEach
  void tearDown() throws IOException {
    for (NetNs ns : new NetNs[] {a, b}) {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Test
  void theKernelAcceptsTsoAndReportsWhatItOffers() throws IOException {
    try (TunDevice t = tun(a, true)) {
      assertThat(t).isInstanceOf(TunOffload.class);
      TunOffload o = (TunOffload) t;
      System.out.println("TUN offloads on " + System.getProperty("os.version") + ": "
          + o.offloads());
      assertThat(o.offloads()).contains(TunOffload.Feature.CHECKSUM, TunOffload.Feature.TSO4,
          TunOffload.Feature.TSO6);
      assertThat(a.exec("ip", "-d", "link", "show", t.name())).contains("vnet_hdr on");
    }
  }

  @ParameterizedTest(name = "offload {0}")
  @ValueSource(booleans = {true, false})
  void tcpCrossesTwoTunDevicesIntactOverIpv4AndIpv6(boolean offload) throws Exception {
    TunDevice ta = tun(a, offload);
    TunDevice tb = tun(b, offload);
    // both links up before anything is forwarded: a write to a TUN that is down fails (EIO)
    address(a, ta.name(), "10.9.0.1", "10.9.0.2", "fd00:9::1", "fd00:9::2");
    address(b, tb.name(), "10.9.0.2", "10.9.0.1", "fd00:9::2", "fd00:9::1");
    TunForwarder ab = new TunForwarder(ta, tb, HEADROOM);
    TunForwarder ba = new TunForwarder(tb, ta, HEADROOM);
    try {
      transfer("10.9.0.2");
      transfer("fd00:9::2");
    } finally {
      ta.close(); // ends both forwarding loops
      tb.close();
      ab.close();
      ba.close();
    }
    assertThat(ab.failure.get()).isNull();
    assertThat(ba.failure.get()).isNull();
    if (offload) {
      LinuxVnetTunDevice va = (LinuxVnetTunDevice) ta;
      LinuxVnetTunDevice vb = (LinuxVnetTunDevice) tb;
      assertThat(va.superPackets()[0]).as("super-packets read from A").isPositive();
      assertThat(vb.superPackets()[1]).as("bursts written to B").isPositive();
      assertThat(va.malformedReads()).isZero();
      assertThat(vb.rejectedWrites()).isZero();
      System.out.printf("offload: A->B %d packets in %d reads; %d super-packets read,"
          + " %d bursts written%n", ab.packets.get(), ab.calls.get(), va.superPackets()[0],
          vb.superPackets()[1]);
    }
  }

  /** Sends BYTES pseudo-random bytes from A to B over TCP and compares SHA-256 on both ends. */
  private void transfer(String server) throws Exception {
    ServerSocket ss = b.call(() -> new ServerSocket(5001, 1, ip(server)));
    try (ss) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = ss.accept(); InputStream in = s.getInputStream()) {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          byte[] buf = new byte[65536];
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
          return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Socket client = a.call(() -> {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(ip(server), 5001), 5000);
        return s;
      });
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (client; OutputStream out = client.getOutputStream()) {
        Random r = new Random(42);
        byte[] chunk = new byte[65536];
        for (int sent = 0; sent < BYTES; sent += chunk.length) {
          r.nextBytes(chunk);
          md.update(chunk);
          out.write(chunk);
        }
      }
      assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(HexFormat.of().formatHex(
          md.digest()));
    }
  }

  private TunDevice tun(NetNs ns, boolean offload) throws IOException {
    FileChangeJournal j = FileChangeJournal.open(journalDir.resolve(ns.name()), "tun",
        new LinuxUndoActions(ns.runner()));
    return ns.call(() -> new LinuxTunDeviceFactory(j)
        .create(new TunOptions("fulmar%d", 1400, offload)));
  }

  private static void address(NetNs ns, String dev, String local, String peer, String local6,
      String peer6) throws IOException {
    ns.exec("ip", "addr", "add", local + "/32", "dev", dev);
    ns.exec("ip", "-6", "addr", "add", local6 + "/128", "dev", dev, "nodad");
    ns.exec("ip", "link", "set", dev, "up");
    ns.exec("ip", "route", "add", peer + "/32", "dev", dev);
    ns.exec("ip", "-6", "route", "add", peer6 + "/128", "dev", dev);
  }
}
