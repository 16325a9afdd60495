package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.esp.TrafficSelector;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transport mode and the TSO offload path, end to end through two data paths. */
class DataPathModesTest {
  private static final InetSocketAddress A = TunnelHarness.CLIENT;
  private static final InetSocketAddress B = TunnelHarness.GATEWAY;

  private static EspSaPair pair(EspTransform t, EspMode mode, int in, int out, String local,
      String remote, InetSocketAddress peer, byte[] inKey, byte[] outKey) {
    return EspSaPair.builder().childSaId(1).spis(in, out).transform(t).mode(mode)
        .inboundKeys(inKey.clone(), new byte[0]).outboundKeys(outKey.clone(), new byte[0])
        .localTs(List.of(TrafficSelector.subnet(local)))
        .remoteTs(List.of(TrafficSelector.subnet(remote))).peer(peer).build();
  }

  @Test
  void transportModeCarriesTheSegmentAndRebuildsTheIpHeader() throws Exception {
    EspTransform t = EspTransform.aesGcm16(256);
    byte[] k1 = TunnelHarness.key(36, 1);
    byte[] k2 = TunnelHarness.key(36, 2);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(pair(t, EspMode.TRANSPORT, 0x1001, 0x1002, "192.0.2.10/32", "198.51.100.7/32",
        B, k1, k2));
    sasB.install(pair(t, EspMode.TRANSPORT, 0x1002, 0x1001, "198.51.100.7/32", "192.0.2.10/32",
        A, k2, k1));
    LoopbackUdpLink link = new LoopbackUdpLink(A, B);
    InMemoryTunDevice tunA = new InMemoryTunDevice("a", 1400, 4);
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1400, 4);
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      a.start();
      b.start();
      byte[] sent = TestPackets.udp4("192.0.2.10", "198.51.100.7", 300, 7, true);
      tunA.inject(sent);
      byte[] got = tunB.takeWritten(5000);
      assertThat(got).isNotNull().hasSize(300);
      assertThat(Arrays.copyOfRange(got, 12, 20)).isEqualTo(Arrays.copyOfRange(sent, 12, 20));
      assertThat(got[9]).isEqualTo((byte) 17);
      assertThat(Arrays.copyOfRange(got, 20, 300)).isEqualTo(Arrays.copyOfRange(sent, 20, 300));
      assertThat(TestPackets.ipv4HeaderChecksumValid(got)).isTrue();
      assertThat(TestPackets.transportChecksumValid(got, 17)).isTrue();
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  @Test
  void tsoSuperPacketsAreSegmentedBeforeEncryption() throws Exception {
    EspTransform t = EspTransform.aesGcm16(128);
    byte[] k1 = TunnelHarness.key(20, 3);
    byte[] k2 = TunnelHarness.key(20, 4);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(pair(t, EspMode.TUNNEL, 0x2001, 0x2002, "192.0.2.10/32", "198.51.100.0/24",
        B, k1, k2));
    sasB.install(pair(t, EspMode.TUNNEL, 0x2002, 0x2001, "198.51.100.0/24", "192.0.2.10/32",
        A, k2, k1));
    LoopbackUdpLink link = new LoopbackUdpLink(A, B);
    InMemoryOffloadTunDevice tunA = new InMemoryOffloadTunDevice(
        new InMemoryTunDevice("a", 1400, 4));
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1400, 4);
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      a.start();
      b.start();
      byte[] superPacket = TcpSegmenterTest.superPacket4(20_000);
      tunA.injectSuper(superPacket, GsoInfo.Type.TCPV4, 1360);
      byte[] plain = TestPackets.udp4("192.0.2.10", "198.51.100.7", 100, 1, false);
      tunA.injectSuper(plain, GsoInfo.Type.NONE, 0); // the plain packets still pass
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      for (int i = 0; i < 15; i++) { // ceil(20000 / 1360)
        byte[] seg = tunB.takeWritten(5000);
        assertThat(seg).as("segment %d", i).isNotNull();
        assertThat(seg.length).isLessThanOrEqualTo(40 + 1360);
        assertThat(TestPackets.transportChecksumValid(seg, 6)).isTrue();
        payload.write(seg, 40, seg.length - 40);
      }
      assertThat(payload.toByteArray())
          .isEqualTo(Arrays.copyOfRange(superPacket, 40, superPacket.length));
      assertThat(tunB.takeWritten(5000)).isEqualTo(plain);
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  @Test
  void receivedTcpSegmentsAreCoalescedForAnOffloadTun() throws Exception {
    EspTransform t = EspTransform.chacha20Poly1305();
    byte[] k1 = TunnelHarness.key(36, 5);
    byte[] k2 = TunnelHarness.key(36, 6);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(pair(t, EspMode.TUNNEL, 0x3001, 0x3002, "192.0.2.10/32", "198.51.100.0/24",
        B, k1, k2));
    sasB.install(pair(t, EspMode.TUNNEL, 0x3002, 0x3001, "198.51.100.0/24", "192.0.2.10/32",
        A, k2, k1));
    LoopbackUdpLink link = new LoopbackUdpLink(A, B);
    List<byte[]> held = new java.util.ArrayList<>();
    link.setInterceptor((from, to, d) -> {
      synchronized (held) {
        held.add(d);
        held.notifyAll();
      }
      return null;
    });
    InMemoryOffloadTunDevice tunA = new InMemoryOffloadTunDevice(
        new InMemoryTunDevice("a", 1400, 4));
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1400, 16);
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      b.start();
      List<byte[]> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sent.add(TestPackets.tcp4("198.51.100.7", "192.0.2.10", 40 + i, 7000 + 1200L * i,
            i == 9 ? 0x18 : 0x10, 1200));
      }
      sent.forEach(tunB::inject);
      awaitDatagrams(held, 10);
      synchronized (held) { // all queued at the client before its first receive
        held.forEach(d -> link.deliver(link.a(), d, B));
      }
      a.start();

      InMemoryOffloadTunDevice.SuperWrite w = tunA.takeSuperWrite(5000);
      assertThat(w).isNotNull();
      assertThat(w.type()).isEqualTo(GsoInfo.Type.TCPV4);
      assertThat(w.segmentSize()).isEqualTo(1200);
      assertThat(w.packet()).hasSize(40 + 12_000);
      GsoInfo g = new GsoInfo();
      g.type = w.type();
      g.segmentSize = w.segmentSize();
      byte[][] segs = new byte[16][2048];
      int[] sizes = new int[16];
      assertThat(TcpSegmenter.segment(w.packet(), 0, w.packet().length, g, segs, 0, sizes))
          .isEqualTo(10);
      for (int i = 0; i < 10; i++) {
        assertThat(Arrays.copyOf(segs[i], sizes[i])).as("segment %d", i).isEqualTo(sent.get(i));
      }
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  @Test
  void udpGsoAndGroCarryBatchesBothWays() throws Exception {
    EspTransform t = EspTransform.aesGcm16(128);
    byte[] k1 = TunnelHarness.key(20, 7);
    byte[] k2 = TunnelHarness.key(20, 8);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(pair(t, EspMode.TUNNEL, 0x4001, 0x4002, "192.0.2.10/32", "198.51.100.0/24",
        B, k1, k2));
    sasB.install(pair(t, EspMode.TUNNEL, 0x4002, 0x4001, "198.51.100.0/24", "192.0.2.10/32",
        A, k2, k1));
    LoopbackUdpLink link = new LoopbackUdpLink(A, B, true);
    List<byte[]> held = new java.util.ArrayList<>();
    link.setInterceptor((from, to, d) -> {
      synchronized (held) {
        held.add(d);
        held.notifyAll();
      }
      return null;
    });
    InMemoryTunDevice tunA = new InMemoryTunDevice("a", 1400, 8);
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1400, 8);
    List<byte[]> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sent.add(TestPackets.udp4("192.0.2.10", "198.51.100.7", i == 29 ? 200 : 1300, i, true));
    }
    sent.forEach(tunA::inject); // queued before the client reads: batches of 8
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      a.start();
      awaitDatagrams(held, 30);
      synchronized (held) { // queued at the gateway before its first receive
        held.forEach(d -> link.deliver(link.b(), d, A));
      }
      b.start();
      for (byte[] p : sent) {
        assertThat(tunB.takeWritten(5000)).isEqualTo(p);
      }
      assertThat(((LoopbackUdpLink.OffloadEndpoint) link.a()).segmentedSends()).isPositive();
      assertThat(((LoopbackUdpLink.OffloadEndpoint) link.b()).mergedEntries()).isPositive();
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  private static void awaitDatagrams(List<byte[]> held, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    synchronized (held) {
      while (held.size() < n) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        assertThat(left).as("datagrams sent").isPositive();
        held.wait(left);
      }
    }
  }
}
