package dev.fulmar.core.esp;

import static dev.fulmar.core.esp.EspTestSupport.ipv4Packet;
import static dev.fulmar.core.esp.EspTestSupport.loopPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Make-before-break in the SA table: both rekey orders, and the peer moving (MOBIKE). */
class SaTableRekeyTest {
  private static final EspTransform GCM = EspTransform.aesGcm16(128);
  private final SaTable table = new SaTable();

  private EspSa routed() {
    byte[] packet = ipv4Packet(40, 1);
    return table.route(packet, 0, packet.length);
  }

  @Test
  void rekeySwitchesOutboundAtOnceAndKeepsTheOldInboundUntilDeleted() throws Exception {
    table.install(loopPair(GCM, 0x1000, EspMode.TUNNEL, false).build());
    table.rekey(0x1000, loopPair(GCM, 0x2000, EspMode.TUNNEL, false).build());

    assertThat(routed().spi()).isEqualTo(0x2000);
    assertThat(table.inbound(0x1000)).isNotNull();
    assertThat(table.inbound(0x2000)).isNotNull();
    table.delete(0x1000);
    assertThat(table.inbound(0x1000)).isNull();
    assertThat(routed().spi()).isEqualTo(0x2000);
  }

  @Test
  void inboundFirstRekeyKeepsSendingOnTheOldSaUntilItIsDeleted() throws Exception {
    table.install(loopPair(GCM, 0x1000, EspMode.TUNNEL, false).build());
    table.rekeyInboundFirst(0x1000, loopPair(GCM, 0x2000, EspMode.TUNNEL, false).build());

    // The peer may already send with the new SPI; we still send with the old one.
    assertThat(table.inbound(0x2000)).isNotNull();
    assertThat(routed().spi()).isEqualTo(0x1000);
    // The initiator deleted the old SA: its traffic moves to the successor in the same step.
    table.delete(0x1000);
    assertThat(routed().spi()).isEqualTo(0x2000);
    assertThat(table.inbound(0x1000)).isNull();
    assertThat(table.installed()).hasSize(2);
  }

  @Test
  void deletingAnInboundFirstSuccessorLeavesTheOldSaRouted() throws Exception {
    table.install(loopPair(GCM, 0x1000, EspMode.TUNNEL, false).build());
    table.rekeyInboundFirst(0x1000, loopPair(GCM, 0x2000, EspMode.TUNNEL, false).build());
    table.delete(0x2000);

    assertThat(routed().spi()).isEqualTo(0x1000);
    table.delete(0x1000);
    assertThat(routed()).isNull();
  }

  @Test
  void anInboundFirstSuccessorOfAnSaWeRekeyedOurselvesStaysUnrouted() throws Exception {
    // RFC 7296 §2.8.1: both sides rekeyed 0x1000 and ours (0x3000) won.
    table.install(loopPair(GCM, 0x1000, EspMode.TUNNEL, false).build());
    table.rekeyInboundFirst(0x1000, loopPair(GCM, 0x2000, EspMode.TUNNEL, false).build());
    table.rekey(0x1000, loopPair(GCM, 0x3000, EspMode.TUNNEL, false).build());
    table.delete(0x1000);

    assertThat(routed().spi()).isEqualTo(0x3000);
    table.delete(0x3000);
    assertThat(routed()).as("the redundant 0x2000 never carries traffic").isNull();
    assertThat(table.inbound(0x2000)).isNotNull();
  }

  @Test
  void rekeyOfAnUnknownSaIsRefused() {
    assertThatThrownBy(() -> table.rekeyInboundFirst(7,
        loopPair(GCM, 0x2000, EspMode.TUNNEL, false).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(table.installed()).isEmpty();
  }

  @Test
  void updatePeerMovesBothDirectionsToTheNewAddress() throws Exception {
    table.install(loopPair(GCM, 0x1000, EspMode.TUNNEL, false).build());
    InetSocketAddress moved = new InetSocketAddress("203.0.113.5", 4500);
    table.updatePeer(0x1000, moved);
    table.updatePeer(0x9999, moved);

    assertThat(routed().peer()).isEqualTo(moved);
    assertThat(table.inbound(0x1000).peer()).isEqualTo(moved);
  }
}
