package dev.fulmar.core.datapath;

import static dev.fulmar.core.datapath.TunnelHarness.GATEWAY;
import static dev.fulmar.core.datapath.TunnelHarness.LAN_TS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspIntegrity;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Two data paths back to back through in-memory TUN devices and a loopback UDP link, driven the
 * way the OS and the network drive them: packets in on one TUN, out on the other.
 */
class DataPathEndToEndTest {
  private static final long WAIT_MS = 5000;
  private static final String CLIENT_IP = "192.0.2.10";
  private static final String LAN_HOST = "198.51.100.7";
  private TunnelHarness h;

  @AfterEach
  void tearDown() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  static List<EspTransform> transforms() {
    return List.of(EspTransform.aesGcm16(128), EspTransform.aesGcm16(256),
        EspTransform.chacha20Poly1305(), EspTransform.aesCbc(128, EspIntegrity.HMAC_SHA2_256_128),
        EspTransform.aesCbc(256, EspIntegrity.HMAC_SHA2_384_192),
        EspTransform.aesCbc(256, EspIntegrity.HMAC_SHA2_512_256));
  }

  private void startTunnel(EspTransform t, boolean esn, List<TrafficSelector> gwLocal)
      throws Exception {
    h = new TunnelHarness();
    h.installChild(1, -1, t, EspMode.TUNNEL, esn, gwLocal);
    h.start();
  }

  private static void expectSame(InMemoryTunDevice tun, byte[] expected) throws Exception {
    byte[] got = tun.takeWritten(WAIT_MS);
    assertThat(got).as("packet arrived").isNotNull();
    assertThat(got).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transforms")
  void packetsFlowBothWaysInOrder(EspTransform t) throws Exception {
    startTunnel(t, t.isAead(), LAN_TS);
    List<byte[]> up = new ArrayList<>();
    List<byte[]> down = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      up.add(TestPackets.udp4(CLIENT_IP, LAN_HOST, 60 + i * 9, i, true));
      down.add(i % 2 == 0 ? TestPackets.udp4(LAN_HOST, CLIENT_IP, 1300 - i, i, false)
          : TestPackets.udp6("2001:db8:2::5", "2001:db8:1::10", 80 + i, i));
    }
    up.forEach(h.clientTun::inject);
    down.forEach(h.gatewayTun::inject);
    for (byte[] p : up) {
      expectSame(h.gatewayTun, p);
    }
    for (byte[] p : down) {
      expectSame(h.clientTun, p);
    }
    DataPathStats stats = h.gateway.stats();
    assertThat(stats.sas()).anySatisfy(s -> {
      assertThat(s.direction()).isEqualTo(EspSa.Direction.INBOUND);
      assertThat(s.packets()).isEqualTo(150);
      assertThat(s.totalDrops()).isZero();
    });
  }

  @Test
  void replayedAndTamperedPacketsAreDroppedAndCounted() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    List<byte[]> seen = new ArrayList<>();
    h.link.setInterceptor((from, to, d) -> {
      synchronized (seen) {
        seen.add(d.clone());
        if (seen.size() == 2) {
          d[d.length - 3] ^= 0x40; // flip a bit of the second datagram's ICV
        }
      }
      return d;
    });
    byte[] first = TestPackets.udp4(CLIENT_IP, LAN_HOST, 100, 1, true);
    h.clientTun.inject(first);
    expectSame(h.gatewayTun, first);

    synchronized (seen) {
      h.link.deliver(h.link.b(), seen.get(0), TunnelHarness.CLIENT); // replay
    }
    h.clientTun.inject(TestPackets.udp4(CLIENT_IP, LAN_HOST, 100, 2, true));
    byte[] third = TestPackets.udp4(CLIENT_IP, LAN_HOST, 100, 3, true);
    h.clientTun.inject(third);
    expectSame(h.gatewayTun, third); // one inbound thread: the two bad ones were handled first

    DataPathStats stats = h.gateway.stats();
    assertThat(stats.drops(DropReason.REPLAYED)).isEqualTo(1);
    assertThat(stats.drops(DropReason.AUTH_FAILED)).isEqualTo(1);
    assertThat(h.gatewayTun.writtenPending()).isZero();
  }

  @Test
  void packetFromOutsideTheNegotiatedSelectorsIsDroppedAndCounted() throws Exception {
    // the gateway claims everything, the client negotiated only the LAN
    startTunnel(EspTransform.aesGcm16(256), false, List.of(TrafficSelector.all(false),
        TrafficSelector.all(true)));
    h.gatewayTun.inject(TestPackets.udp4("203.0.113.50", CLIENT_IP, 80, 1, false));
    byte[] inside = TestPackets.udp4(LAN_HOST, CLIENT_IP, 80, 2, false);
    h.gatewayTun.inject(inside);
    expectSame(h.clientTun, inside);
    assertThat(h.client.stats().drops(DropReason.TRAFFIC_SELECTOR_MISMATCH)).isEqualTo(1);
  }

  @Test
  void packetWithoutRouteIsDroppedAndCounted() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    h.clientTun.inject(TestPackets.udp4(CLIENT_IP, "203.0.113.77", 80, 1, false));
    byte[] routed = TestPackets.udp4(CLIENT_IP, LAN_HOST, 80, 2, false);
    h.clientTun.inject(routed);
    expectSame(h.gatewayTun, routed);
    assertThat(h.client.stats().drops(DropReason.NO_ROUTE)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transforms")
  void rekeySwapsSasWithoutLosingPacketsInFlight(EspTransform t) throws Exception {
    startTunnel(t, false, LAN_TS);
    h.holdDatagrams();
    List<byte[]> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      before.add(TestPackets.udp4(CLIENT_IP, LAN_HOST, 200, i, true));
    }
    before.forEach(h.clientTun::inject);
    byte[] marker = TestPackets.udp4(CLIENT_IP, LAN_HOST, 64, 999, true);
    h.clientTun.inject(marker);
    List<byte[]> held = h.awaitHeld(21);
    h.installChild(2, 1, t, EspMode.TUNNEL, false, LAN_TS); // CREATE_CHILD_SA rekey
    h.link.setInterceptor((from, to, d) -> d);
    held.forEach(d -> h.link.deliver(h.link.b(), d, TunnelHarness.CLIENT));
    List<byte[]> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(TestPackets.udp4(CLIENT_IP, LAN_HOST, 300, 100 + i, true));
    }
    after.forEach(h.clientTun::inject);
    for (byte[] p : before) {
      expectSame(h.gatewayTun, p);
    }
    expectSame(h.gatewayTun, marker);
    for (byte[] p : after) {
      expectSame(h.gatewayTun, p);
    }
    assertThat(h.clientSas.outboundOf(1).counters().packets()).isEqualTo(21);
    assertThat(h.clientSas.outboundOf(2).counters().packets()).isEqualTo(20);
    h.gatewaySas.delete(1);
    h.clientSas.delete(1);
    byte[] late = TestPackets.udp4(CLIENT_IP, LAN_HOST, 64, 5000, true);
    h.clientTun.inject(late);
    expectSame(h.gatewayTun, late);
  }

  @Test
  void clampsMssOfSynsToTheTunnelMtu() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    h.clientTun.inject(TestPackets.syn4(CLIENT_IP, LAN_HOST, 1460));
    byte[] got = h.gatewayTun.takeWritten(WAIT_MS);
    int mtu = TunnelMtu.compute(1500, false, EspTransform.aesGcm16(128));
    assertThat(IpPacket.u16(got, 42)).isEqualTo(mtu - 40);
    assertThat(TestPackets.transportChecksumValid(got, 6)).isTrue();
  }

  @Test
  void answersOversizePacketsWithIcmpTooBig() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    int mtu = TunnelMtu.compute(1500, false, EspTransform.aesGcm16(128));
    byte[] big4 = TestPackets.udp4(CLIENT_IP, LAN_HOST, mtu + 1, 1, true);
    h.clientTun.inject(big4);
    byte[] icmp = h.clientTun.takeWritten(WAIT_MS);
    assertThat(icmp[9]).isEqualTo((byte) 1);
    assertThat(icmp[20]).isEqualTo((byte) 3);
    assertThat(icmp[21]).isEqualTo((byte) 4);
    assertThat(IpPacket.u16(icmp, 26)).isEqualTo(mtu);
    assertThat(TestPackets.ipv4HeaderChecksumValid(icmp)).isTrue();
    assertThat(TestPackets.transportChecksumValid(icmp, 1)).isTrue();

    byte[] big6 = TestPackets.udp6("2001:db8:1::10", "2001:db8:2::5", 1460, 2);
    h.clientTun.inject(big6);
    byte[] icmp6 = h.clientTun.takeWritten(WAIT_MS);
    assertThat(icmp6[6]).isEqualTo((byte) 58);
    assertThat(icmp6[40]).isEqualTo((byte) 2);
    assertThat(IpPacket.u16(icmp6, 46)).isEqualTo(mtu);
    assertThat(TestPackets.transportChecksumValid(icmp6, 58)).isTrue();
    assertThat(h.client.stats().drops(DropReason.TOO_BIG)).isEqualTo(2);

    byte[] bigNoDf = TestPackets.udp4(CLIENT_IP, LAN_HOST, mtu + 1, 3, false);
    h.clientTun.inject(bigNoDf); // no DF: sent, the outer IP layer may fragment
    expectSame(h.gatewayTun, bigNoDf);
  }

  @Test
  void handsIkeToTheEngineAndCountsKeepalives() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    h.link.deliver(h.link.a(), new byte[] {(byte) 0xFF}, GATEWAY);
    h.link.deliver(h.link.a(), new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}, GATEWAY);
    h.link.deliver(h.link.a(), new byte[] {9, 9, 9, 9, 0, 0, 0, 1}, GATEWAY); // unknown SPI
    byte[] after = TestPackets.udp4(LAN_HOST, CLIENT_IP, 80, 1, false);
    h.gatewayTun.inject(after);
    expectSame(h.clientTun, after);
    DataPathStats s = h.client.stats();
    assertThat(s.keepalivesReceived()).isEqualTo(1);
    assertThat(s.ikeMessagesReceived()).isEqualTo(1);
    assertThat(s.unattributedDrops()).containsEntry(DropReason.UNKNOWN_SPI, 1L);
    synchronized (h.ikeMessages) {
      assertThat(h.ikeMessages).hasSize(1);
      assertThat(h.ikeMessages.get(0)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
  }

  @Test
  void sendsNatKeepalives() throws Exception {
    startTunnel(EspTransform.aesGcm16(128), false, LAN_TS);
    h.client.sendNatKeepalive(GATEWAY);
    byte[] after = TestPackets.udp4(CLIENT_IP, LAN_HOST, 80, 1, false);
    h.clientTun.inject(after);
    expectSame(h.gatewayTun, after);
    assertThat(h.gateway.stats().keepalivesReceived()).isEqualTo(1);
  }

  @Test
  void aFailingIkeHandlerDoesNotStopTheDataPath() throws Exception {
    LoopbackUdpLink link = new LoopbackUdpLink(TunnelHarness.CLIENT, GATEWAY);
    InMemoryTunDevice tun = new InMemoryTunDevice("x", 1400, 4);
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch third = new java.util.concurrent.CountDownLatch(1);
    IkePacketHandler buggy = (buf, off, len, from) -> {
      if (calls.incrementAndGet() < 3) {
        throw new IllegalStateException("engine bug");
      }
      third.countDown();
    };
    try (DataPath dp = new DataPath(tun, link.a(), new dev.fulmar.core.esp.SaTable(), buggy,
        DataPath.Config.DEFAULT)) {
      dp.start();
      link.deliver(link.a(), new byte[] {0, 0, 0, 0, 1, 2, 3, 4}, GATEWAY);
      link.deliver(link.a(), new byte[] {(byte) 0xFF}, GATEWAY);
      link.deliver(link.a(), new byte[] {0, 0, 0, 0, 5, 6, 7, 8}, GATEWAY);
      link.deliver(link.a(), new byte[] {0, 0, 0, 0, 9, 9, 9, 9}, GATEWAY);
      assertThat(third.await(WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
      assertThat(dp.stats().ikeMessagesReceived()).isEqualTo(3);
      assertThat(dp.stats().keepalivesReceived()).isEqualTo(1);
      assertThat(dp.stats().drops(DropReason.INTERNAL_ERROR)).isEqualTo(2);
      tun.close();
      link.a().close();
      link.b().close();
    }
  }
}
