package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.esp.SaTable;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ManualKeyingTest {
  /** Fixed test keys: AES-GCM-128 key + salt, 20 bytes each direction. */
  static final String KEY_A = "000102030405060708090a0b0c0d0e0f10111213";
  static final String KEY_B = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3";

  static Properties clientSide() {
    Properties p = new Properties();
    p.setProperty("transform", "aes128gcm16");
    p.setProperty("spi.in", "0xc0000001");
    p.setProperty("spi.out", "0xc0000002");
    p.setProperty("key.in", KEY_A);
    p.setProperty("key.out", KEY_B);
    p.setProperty("local.ts", "192.0.2.10/32");
    p.setProperty("remote.ts", "198.51.100.0/24");
    p.setProperty("peer", "203.0.113.1:4500");
    return p;
  }

  @Test
  void manuallyKeyedPairsCarryTrafficBetweenTwoDataPaths() throws Exception {
    ManualKeying client = ManualKeying.of(clientSide());
    ManualKeying gateway = client.mirrored("203.0.113.2:4500");
    LoopbackUdpLink link = new LoopbackUdpLink(TunnelHarness.CLIENT, TunnelHarness.GATEWAY);
    InMemoryTunDevice tunA = new InMemoryTunDevice("a", 1400, 4);
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1400, 4);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(client.toPair());
    sasB.install(gateway.toPair());
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      a.start();
      b.start();
      byte[] up = TestPackets.udp4("192.0.2.10", "198.51.100.9", 500, 1, true);
      byte[] down = TestPackets.udp4("198.51.100.9", "192.0.2.10", 700, 2, true);
      tunA.inject(up);
      tunB.inject(down);
      assertThat(tunB.takeWritten(5000)).isEqualTo(up);
      assertThat(tunA.takeWritten(5000)).isEqualTo(down);
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  @Test
  void namesTheWrongSetting() {
    Properties p = clientSide();
    p.setProperty("key.in", "0011");
    assertThatThrownBy(() -> ManualKeying.of(p).toPair())
        .hasMessageStartingWith("key.in: AES-GCM-16-128 needs 20 key bytes, got 2");
    Properties q = clientSide();
    q.setProperty("transform", "3des-sha1");
    assertThatThrownBy(() -> ManualKeying.of(q).toPair()).hasMessageStartingWith("transform:");
    Properties r = clientSide();
    r.remove("peer");
    assertThatThrownBy(() -> ManualKeying.of(r).toPair()).hasMessage("peer: missing");
    Properties s = clientSide();
    s.setProperty("remote.ts", "198.51.100.0/99");
    assertThatThrownBy(() -> ManualKeying.of(s).toPair()).hasMessageStartingWith("remote.ts:");
  }

  @Test
  void mirroredSideSwapsSpisKeysAndSelectors() {
    var pair = ManualKeying.of(clientSide()).mirrored("203.0.113.2:4500").toPair();
    assertThat(pair.inboundSpi()).isEqualTo(0xc0000002);
    assertThat(pair.outboundSpi()).isEqualTo(0xc0000001);
  }
}
