package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.adapters.jdk.JournalDirectory;
import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch between two namespaces: the client (192.0.2.2) and its next hop (192.0.2.1),
 * which also owns the gateway 203.0.113.1, an Internet host 198.51.100.7 and a LAN host
 * 192.168.50.1. Blocked datagrams fail with EPERM at the sender and never arrive.
 */
class NftKillSwitchIT {

  private static final InetSocketAddress GATEWAY = new InetSocketAddress(ip("203.0.113.1"), 4500);
  private static final InetSocketAddress INTERNET = new InetSocketAddress(ip("198.51.100.7"), 4500);
  private static final InetSocketAddress LAN = new InetSocketAddress(ip("192.168.50.1"), 4500);

  @TempDir Path journalDir;
  private NetNs client;
  private NetNs peer;
  private DatagramChannel peerSock;
  private DatagramChannel clientSock;
  private FileChangeJournal journal;

  @BeforeEach
  void setUp() throws IOException {
    client = NetNs.create();
    peer = NetNs.create();
    client.exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns",
        peer.name());
    client.exec("ip", "addr", "add", "192.0.2.2/24", "dev", "v0");
    client.exec("ip", "link", "set", "v0", "up");
    client.exec("ip", "route", "add", "default", "via", "192.0.2.1");
    client.exec("ip", "route", "add", "192.168.50.0/24", "via", "192.0.2.1");
    peer.exec("ip", "addr", "add", "192.0.2.1/24", "dev", "v1");
    peer.exec("ip", "link", "set", "v1", "up");
    for (String a : List.of("203.0.113.1/32", "198.51.100.7/32", "192.168.50.1/32")) {
      peer.exec("ip", "addr", "add", a, "dev", "lo");
    }
    peerSock = peer.call(() -> DatagramChannel.open()
        .setOption(StandardSocketOptions.SO_REUSEADDR, true).bind(new InetSocketAddress(4500)));
    peerSock.configureBlocking(false);
    clientSock = client.call(() -> DatagramChannel.open().bind(new InetSocketAddress(5000)));
    clientSock.configureBlocking(false);
    journal = FileChangeJournal.open(journalDir, "killswitch",
        new LinuxUndoActions(client.runner()));
  }

  @AfterEach
  void tearDown() throws IOException {
    for (AutoCloseable c : new AutoCloseable[] {clientSock, peerSock, client, peer}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void onlyTheGatewayIsReachableOutsideTheTunnel() throws Exception {
    NftKillSwitch ks = new NftKillSwitch(client.runner(), journal);
    ks.engage(policy(false));
    assertThat(ks.engaged()).isTrue();

    assertBlocked(INTERNET);
    assertBlocked(LAN);
    assertPasses(GATEWAY);
    // inbound from outside the tunnel is dropped too, except from the gateway
    sendFromPeer("198.51.100.7", "intruder");
    sendFromPeer("203.0.113.1", "from gateway");
    assertThat(receive(clientSock)).isEqualTo("from gateway");
    assertThat(receive(clientSock)).isNull();

    ks.release();
    assertThat(ks.engaged()).isFalse();
    assertThat(client.exec("nft", "list", "tables")).doesNotContain("fulmar");
    assertPasses(INTERNET);
    assertThat(journal.pending()).isEmpty();
  }

  @Test
  void theLanExceptionLetsLocalNetworksThrough() throws Exception {
    NftKillSwitch ks = new NftKillSwitch(client.runner(), journal);
    ks.engage(policy(true));
    assertPasses(LAN);
    assertBlocked(INTERNET);
    ks.engage(policy(false)); // replaced atomically
    assertBlocked(LAN);
    ks.release();
  }

  @Test
  void trafficThroughTheTunnelInterfacePasses() throws Exception {
    NftKillSwitch ks = new NftKillSwitch(client.runner(), journal);
    ks.engage(policy(false));
    FileChangeJournal tunJournal = FileChangeJournal.open(journalDir, "tun",
        new LinuxUndoActions(client.runner()));
    try (TunDevice tun = client.call(() -> new LinuxTunDeviceFactory(tunJournal)
        .create(new TunOptions("fulmar0", 1400, false)))) {
      client.exec("ip", "addr", "add", "10.8.0.2/32", "dev", "fulmar0");
      client.exec("ip", "link", "set", "fulmar0", "up");
      client.exec("ip", "route", "add", "10.8.0.0/16", "dev", "fulmar0");
      clientSock.send(ByteBuffer.wrap("via tunnel".getBytes(StandardCharsets.US_ASCII)),
          new InetSocketAddress(ip("10.8.0.5"), 53));
      byte[] pkt = LinuxTunDeviceIT.readIpv4(tun);
      assertThat(new String(pkt, 64 + 28, 10, StandardCharsets.US_ASCII)).isEqualTo("via tunnel");
    }
    ks.release();
  }

  @Test
  void aCrashedHelpersTableIsRemovedAtTheNextStart() throws Exception {
    new NftKillSwitch(client.runner(), journal).engage(policy(false));
    // the helper dies here; a new one starts and recovers
    var report = JournalDirectory.recover(journalDir, new LinuxUndoActions(client.runner()),
        List.of("network", "killswitch"));
    assertThat(report.complete()).isTrue();
    assertThat(client.exec("nft", "list", "tables")).doesNotContain("fulmar");
    assertPasses(INTERNET);
  }

  @Test
  void aRejectedRulesetIsReportedAndNotJournaled() {
    RecordingRunner refusing = new RecordingRunner(c -> new CommandRunner.Result(1, "",
        "Error: Could not process rule: Operation not supported"));
    NftKillSwitch ks = new NftKillSwitch(refusing, journal);
    assertThatThrownBy(() -> ks.engage(policy(false)))
        .isInstanceOf(SystemConfigException.class)
        .hasMessageContaining("KILL_SWITCH: cannot install the firewall rules")
        .hasMessageContaining("Operation not supported");
    assertThat(ks.engaged()).isFalse();
    assertThat(journal.pending()).isEmpty();
  }

  private static KillSwitchPolicy policy(boolean lan) {
    return new KillSwitchPolicy("fulmar0", List.of(ip("203.0.113.1")),
        KillSwitchPolicy.IKE_PORTS, lan);
  }

  private void assertBlocked(InetSocketAddress to) throws IOException {
    assertThatThrownBy(() -> clientSock.send(
            ByteBuffer.wrap("leak".getBytes(StandardCharsets.US_ASCII)), to))
        .isInstanceOf(IOException.class).hasMessageContaining("Operation not permitted");
  }

  private void assertPasses(InetSocketAddress to) throws Exception {
    String msg = "to " + to.getAddress().getHostAddress();
    clientSock.send(ByteBuffer.wrap(msg.getBytes(StandardCharsets.US_ASCII)), to);
    peerSock.configureBlocking(true);
    try {
      assertThat(receiveBlocking(peerSock)).isEqualTo(msg);
    } finally {
      peerSock.configureBlocking(false);
    }
    assertThat(receive(peerSock)).as("nothing else arrived").isNull();
  }

  private void sendFromPeer(String src, String msg) throws IOException {
    try (DatagramChannel s = peer.call(() -> DatagramChannel.open()
        .setOption(StandardSocketOptions.SO_REUSEADDR, true).bind(new InetSocketAddress(ip(src), src.equals("203.0.113.1") ? 4500 : 4501)))) {
      s.send(ByteBuffer.wrap(msg.getBytes(StandardCharsets.US_ASCII)),
          new InetSocketAddress(ip("192.0.2.2"), 5000));
    }
  }

  private static String receiveBlocking(DatagramChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(200);
    ch.receive(b);
    return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
  }

  /** A datagram already queued (the sender's send has returned), or null. */
  private static String receive(DatagramChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(200);
    SocketAddress from = ch.receive(b);
    return from == null ? null : new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
  }
}
