package dev.fulmar.core.datapath;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Two data paths back to back: a client (virtual IP 192.0.2.10 and 2001:db8:1::10) and a gateway
 * protecting 198.51.100.0/24 and 2001:db8:2::/64, joined by a {@link LoopbackUdpLink} between
 * 203.0.113.2:4500 and 203.0.113.1:4500, each with an {@link InMemoryTunDevice}.
 */
final class TunnelHarness implements AutoCloseable {
  static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.2", 4500);
  static final InetSocketAddress GATEWAY = new InetSocketAddress("203.0.113.1", 4500);
  static final List<TrafficSelector> CLIENT_TS = List.of(
      TrafficSelector.subnet("192.0.2.10/32"), TrafficSelector.subnet("2001:db8:1::10/128"));
  static final List<TrafficSelector> LAN_TS = List.of(
      TrafficSelector.subnet("198.51.100.0/24"), TrafficSelector.subnet("2001:db8:2::/64"));

  final LoopbackUdpLink link = new LoopbackUdpLink(CLIENT, GATEWAY);
  final InMemoryTunDevice clientTun = new InMemoryTunDevice("client0", 1400, 8);
  final InMemoryTunDevice gatewayTun = new InMemoryTunDevice("gw0", 1400, 8);
  final SaTable clientSas = new SaTable();
  final SaTable gatewaySas = new SaTable();
  final List<byte[]> ikeMessages = new ArrayList<>();
  private final List<byte[]> held = new ArrayList<>();
  final DataPath client;
  final DataPath gateway;

  TunnelHarness() {
    client = new DataPath(clientTun, link.a(), clientSas, (buf, off, len, from) -> {
      synchronized (ikeMessages) {
        ikeMessages.add(java.util.Arrays.copyOfRange(buf, off, off + len));
      }
    }, DataPath.Config.DEFAULT);
    gateway = new DataPath(gatewayTun, link.b(), gatewaySas, IkePacketHandler.IGNORE,
        DataPath.Config.DEFAULT);
  }

  void start() {
    client.start();
    gateway.start();
  }

  /** From now on the link swallows every datagram and keeps it for {@link #awaitHeld}. */
  void holdDatagrams() {
    link.setInterceptor((from, to, d) -> {
      synchronized (held) {
        held.add(d);
        held.notifyAll();
      }
      return null;
    });
  }

  /**
   * Waits (notified by the link, at most five seconds) until {@code n} datagrams are held.
   *
   * @return the held datagrams in the order they were sent
   */
  List<byte[]> awaitHeld(int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    synchronized (held) {
      while (held.size() < n) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          throw new AssertionError("only " + held.size() + " of " + n + " datagrams sent");
        }
        held.wait(left);
      }
      return List.copyOf(held);
    }
  }

  static byte[] key(int len, int seed) {
    byte[] k = new byte[len];
    for (int i = 0; i < len; i++) {
      k[i] = (byte) (seed * 31 + i * 7);
    }
    return k;
  }

  /**
   * Installs (or, with {@code oldId} >= 0, rekeys to) a CHILD_SA {@code id} on both sides with
   * the given gateway-side local selectors.
   */
  void installChild(long id, long oldId, EspTransform t, EspMode mode, boolean esn,
      List<TrafficSelector> gatewayLocalTs) throws Exception {
    int c2g = 0xC000 + (int) id;
    int g2c = 0x6000 + (int) id;
    byte[] encC2g = key(t.encryptionKeyLength(), (int) id);
    byte[] intC2g = key(t.integrityKeyLength(), (int) id + 1);
    byte[] encG2c = key(t.encryptionKeyLength(), (int) id + 2);
    byte[] intG2c = key(t.integrityKeyLength(), (int) id + 3);
    EspSaPair clientPair = EspSaPair.builder().childSaId(id).spis(g2c, c2g).transform(t)
        .mode(mode).esn(esn).inboundKeys(encG2c.clone(), intG2c.clone())
        .outboundKeys(encC2g.clone(), intC2g.clone()).localTs(CLIENT_TS).remoteTs(LAN_TS)
        .peer(GATEWAY).build();
    EspSaPair gatewayPair = EspSaPair.builder().childSaId(id).spis(c2g, g2c).transform(t)
        .mode(mode).esn(esn).inboundKeys(encC2g, intC2g).outboundKeys(encG2c, intG2c)
        .localTs(gatewayLocalTs).remoteTs(CLIENT_TS).peer(CLIENT).build();
    if (oldId < 0) {
      gatewaySas.install(gatewayPair);
      clientSas.install(clientPair);
    } else {
      gatewaySas.rekey(oldId, gatewayPair);
      clientSas.rekey(oldId, clientPair);
    }
  }

  @Override
  public void close() throws Exception {
    clientTun.close();
    gatewayTun.close();
    link.a().close();
    link.b().close();
    client.close();
    gateway.close();
  }
}
