package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transport mode (RFC 4303 §3.1.1), end to end through two data paths. */
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
}
