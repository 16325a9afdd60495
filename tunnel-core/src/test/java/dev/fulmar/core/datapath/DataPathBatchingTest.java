package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspIntegrity;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data path hands batches to the SPI whole, so that an adapter with kernel offloads (sendmmsg
 * and UDP GSO, TUN write coalescing) gets them in one call: everything one TUN read gave leaves
 * in one {@code send} per peer, and everything one receive gave reaches the TUN in one {@code
 * write}, even when SAs with different header lengths (AES-GCM: 8-byte IV, AES-CBC: 16-byte IV)
 * are mixed in the batch.
 *
 * <p>The client has three CHILD_SAs: IPv4 LAN over AES-GCM and IPv6 LAN over AES-CBC, both with
 * the gateway, and 203.0.113.128/25 over AES-GCM with a second peer that the link does not
 * deliver to (only the send calls towards it are looked at).
 */
class DataPathBatchingTest {
  private static final InetSocketAddress CLIENT = TunnelHarness.CLIENT;
  private static final InetSocketAddress GATEWAY = TunnelHarness.GATEWAY;
  private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("203.0.113.3", 4500);
  private static final EspTransform GCM = EspTransform.aesGcm16(128);
  private static final EspTransform CBC = EspTransform.aesCbc(256,
      EspIntegrity.HMAC_SHA2_256_128);
  private static final String CLIENT_IP = "192.0.2.10";
  private static final String CLIENT_IP6 = "2001:db8:1::10";

  /** TUN batches of 8, link batches of 16; the data paths are started by each test. */
  private final TunnelHarness h = new TunnelHarness();

  @BeforeEach
  void installSas() throws Exception {
    child(1, GCM, CLIENT_IP + "/32", "198.51.100.0/24", GATEWAY);
    child(2, CBC, CLIENT_IP6 + "/128", "2001:db8:2::/64", GATEWAY);
    child(3, GCM, CLIENT_IP + "/32", "203.0.113.128/25", OTHER_PEER);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  /** Installs CHILD_SA {@code id} on the client and, if the peer is the gateway, its mirror. */
  private void child(int id, EspTransform t, String clientTs, String remoteTs,
      InetSocketAddress peer) throws Exception {
    int c2g = 0xC100 + id;
    int g2c = 0x6100 + id;
    List<TrafficSelector> local = List.of(TrafficSelector.subnet(clientTs));
    List<TrafficSelector> remote = List.of(TrafficSelector.subnet(remoteTs));
    h.clientSas.install(EspSaPair.builder().childSaId(id).spis(g2c, c2g).transform(t)
        .inboundKeys(encKey(t, id, 1), intKey(t, id, 1))
        .outboundKeys(encKey(t, id, 2), intKey(t, id, 2))
        .localTs(local).remoteTs(remote).peer(peer).build());
    if (peer.equals(GATEWAY)) {
      h.gatewaySas.install(EspSaPair.builder().childSaId(id).spis(c2g, g2c).transform(t)
          .inboundKeys(encKey(t, id, 2), intKey(t, id, 2))
          .outboundKeys(encKey(t, id, 1), intKey(t, id, 1))
          .localTs(remote).remoteTs(local).peer(CLIENT).build());
    }
  }

  private static byte[] encKey(EspTransform t, int id, int direction) {
    return TunnelHarness.key(t.encryptionKeyLength(), id * 10 + direction);
  }

  private static byte[] intKey(EspTransform t, int id, int direction) {
    return TunnelHarness.key(t.integrityKeyLength(), id * 10 + 5 + direction);
  }

  @Test
  void oneTunReadLeavesInOneSendPerPeer() throws Exception {
    CountDownLatch toOtherPeer = new CountDownLatch(2);
    h.link.setInterceptor((from, to, d) -> {
      if (to.equals(OTHER_PEER)) {
        toOtherPeer.countDown();
      }
      return d;
    });
    List<byte[]> toGateway = new ArrayList<>();
    for (int i = 0; i < 8; i++) { // LAN v4, LAN v6, other peer, LAN v4, ...
      byte[] p = switch (i % 3) {
        case 0 -> TestPackets.udp4(CLIENT_IP, "198.51.100.7", 1200 + i, i, true);
        case 1 -> TestPackets.udp6(CLIENT_IP6, "2001:db8:2::5", 1100 + i, i);
        default -> TestPackets.udp4(CLIENT_IP, "203.0.113.200", 300, i, true);
      };
      h.clientTun.inject(p); // all queued before the client's first read: one batch of 8
      if (i % 3 != 2) {
        toGateway.add(p);
      }
    }
    h.gateway.start();
    h.client.start();

    for (byte[] p : toGateway) {
      assertThat(h.gatewayTun.takeWritten(5000)).isEqualTo(p);
    }
    assertThat(toOtherPeer.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(h.link.a().sendCalls()).containsExactly(
        new LoopbackUdpLink.SendCall(GATEWAY, 6), new LoopbackUdpLink.SendCall(OTHER_PEER, 2));
  }

  @Test
  void oneReceiveReachesTheTunInOneWrite() throws Exception {
    h.holdDatagrams();
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) { // a TCP download's segments (what a TUN write merges), UDP
      sent.add(i % 2 == 0
          ? TestPackets.tcp4("198.51.100.7", CLIENT_IP, i, 7000 + 1200L * i / 2, 0x10, 1200)
          : TestPackets.udp6("2001:db8:2::5", CLIENT_IP6, 900 + i, i));
    }
    sent.forEach(h.gatewayTun::inject);
    h.gateway.start();
    for (byte[] d : h.awaitHeld(10)) { // all queued at the client before its first receive
      h.link.deliver(h.link.a(), d, GATEWAY);
    }
    h.client.start();

    for (byte[] p : sent) {
      assertThat(h.clientTun.takeWritten(5000)).isEqualTo(p);
    }
    assertThat(h.clientTun.writeCalls()).containsExactly(10);
  }
}
