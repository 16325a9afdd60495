package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspPacket;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import java.net.InetSocketAddress;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a peer puts inside authentic ESP, and whatever the OS hands to the TUN, the pipelines
 * deliver it or count one drop; they never throw. The inbound half models a malicious gateway:
 * arbitrary inner bytes (half of them with a plausible IPv4/IPv6 first byte) are sealed with a
 * valid SA and fed to {@link InboundPipeline#processBatch}; the outbound half feeds arbitrary
 * bytes to {@link OutboundPipeline#processBatch}. Both run synchronously on the test thread.
 */
class PipelinePropertyTest {
  private static final int HEADROOM = DataPath.HEADROOM;
  private static final InetSocketAddress GW = new InetSocketAddress("203.0.113.1", 4500);
  private static SaTable clientSas;
  private static EspSa gatewayOut;
  private static InMemoryTunDevice tun;
  private static LoopbackUdpLink link;
  private static InboundPipeline inbound;
  private static OutboundPipeline outbound;
  private static byte[] buf;

  @BeforeContainer
  static void setUp() throws Exception {
    EspTransform t = EspTransform.aesGcm16(128);
    byte[] k1 = TunnelHarness.key(20, 1);
    byte[] k2 = TunnelHarness.key(20, 2);
    List<TrafficSelector> client = List.of(TrafficSelector.subnet("192.0.2.10/32"),
        TrafficSelector.subnet("2001:db8:1::10/128"));
    List<TrafficSelector> lan = List.of(TrafficSelector.subnet("198.51.100.0/24"),
        TrafficSelector.subnet("2001:db8:2::/64"));
    clientSas = new SaTable();
    clientSas.install(EspSaPair.builder().childSaId(1).spis(0x501, 0x502).transform(t)
        .inboundKeys(k1.clone(), null).outboundKeys(k2.clone(), null).localTs(client)
        .remoteTs(lan).peer(GW).replayWindow(1 << 20).build());
    SaTable gatewaySas = new SaTable();
    gatewaySas.install(EspSaPair.builder().childSaId(1).spis(0x502, 0x501).transform(t)
        .inboundKeys(k2, null).outboundKeys(k1, null)
        .localTs(List.of(TrafficSelector.all(false), TrafficSelector.all(true)))
        .remoteTs(List.of(TrafficSelector.all(false), TrafficSelector.all(true)))
        .peer(TunnelHarness.CLIENT).build());
    gatewayOut = gatewaySas.outboundOf(1);
    tun = new InMemoryTunDevice("p", 1400, 1);
    link = new LoopbackUdpLink(TunnelHarness.CLIENT, GW);
    BufferPool pool = new BufferPool(4, HEADROOM + 2048 + DataPath.TAILROOM);
    TunWriter writer = new TunWriter(tun);
    outbound = new OutboundPipeline(tun, link.a(), clientSas, writer, pool, 1500, HEADROOM);
    inbound = new InboundPipeline(link.a(), clientSas, writer, pool, IkePacketHandler.IGNORE,
        outbound, HEADROOM);
    buf = new byte[pool.bufferSize()];
  }

  @Provide
  Arbitrary<byte[]> packets() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(1500);
  }

  private static long drops() {
    return clientSas.installed().stream().mapToLong(s -> s.counters().totalDrops()).sum()
        + clientSas.unattributedCounters().totalDrops();
  }

  @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
  void anyInnerPacketFromTheGatewayIsDeliveredOrCounted(
      @ForAll("packets") byte[] inner, @ForAll boolean plausible, @ForAll boolean v6,
      @ForAll boolean insideTs) {
    if (plausible) {
      shapeHeader(inner, v6, insideTs);
    }
    java.util.Arrays.fill(buf, (byte) 0);
    System.arraycopy(inner, 0, buf, HEADROOM, inner.length);
    EspPacket sealed = new EspPacket();
    int nh = dev.fulmar.core.esp.EspSpec.nextHeaderForInner(buf, HEADROOM);
    assertThat(gatewayOut.seal(buf, HEADROOM, inner.length, nh < 0 ? 4 : nh, sealed)).isTrue();
    System.arraycopy(buf, sealed.offset(), buf, HEADROOM, sealed.length()); // as received
    long before = drops();

    inbound.processBatch(new byte[][] {buf}, new int[] {sealed.length()},
        new InetSocketAddress[] {GW}, 1, new byte[1][], new int[1]);

    boolean delivered = tun.writtenPending() > 0;
    Statistics.label("inbound").collect(delivered ? "delivered" : "dropped");
    if (delivered) {
      tun.written().clear();
    }
    assertThat(delivered ? 0 : 1).isEqualTo(drops() - before);
  }

  @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
  void anyPacketFromTheTunIsSentOrCounted(@ForAll("packets") byte[] packet,
      @ForAll boolean plausible, @ForAll boolean v6) {
    if (plausible) {
      shapeHeader(packet, v6, true);
      swapAddresses(packet, v6); // from the client towards the LAN
    }
    System.arraycopy(packet, 0, buf, HEADROOM, packet.length);
    long before = drops();
    long sentBefore = clientSas.outboundOf(1).counters().packets();

    outbound.processBatch(new byte[][] {buf}, new int[] {packet.length}, 1, new byte[1][],
        new int[1]);

    long sent = clientSas.outboundOf(1).counters().packets() - sentBefore;
    Statistics.label("outbound").collect(sent == 1 ? "sent" : "dropped");
    assertThat(sent + drops() - before).isEqualTo(1);
    tun.written().clear(); // ICMP replies
  }

  /**
   * Gives random bytes a consistent IP header (version, lengths, TCP as protocol so that the MSS
   * clamp parses random options) and, if {@code insideTs}, addresses from the LAN to the client.
   */
  private static void shapeHeader(byte[] p, boolean v6, boolean insideTs) {
    if (v6 && p.length >= 40) {
      p[0] = 0x60;
      IpPacket.put16(p, 4, p.length - 40);
      p[6] = 6;
      if (insideTs) {
        System.arraycopy(TestPackets.addr("2001:db8:2::7"), 0, p, 8, 16);
        System.arraycopy(TestPackets.addr("2001:db8:1::10"), 0, p, 24, 16);
      }
    } else if (p.length >= 20) {
      p[0] = 0x45;
      IpPacket.put16(p, 2, p.length);
      p[6] &= 0x40; // DF may be set, never a fragment
      p[7] = 0;
      p[9] = 6;
      if (insideTs) {
        System.arraycopy(TestPackets.addr("198.51.100.7"), 0, p, 12, 4);
        System.arraycopy(TestPackets.addr("192.0.2.10"), 0, p, 16, 4);
      }
    }
  }

  private static void swapAddresses(byte[] p, boolean v6) {
    int a = v6 && p.length >= 40 ? 8 : 12;
    int n = v6 && p.length >= 40 ? 16 : 4;
    if (p.length >= a + 2 * n) {
      byte[] tmp = java.util.Arrays.copyOfRange(p, a, a + n);
      System.arraycopy(p, a + n, p, a, n);
      System.arraycopy(tmp, 0, p, a + n, n);
    }
  }
}
