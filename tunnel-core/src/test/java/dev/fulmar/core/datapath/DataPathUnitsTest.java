package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.esp.EspIntegrity;
import dev.fulmar.core.esp.EspTransform;
import org.junit.jupiter.api.Test;

/** Tunnel MTU, MSS clamping and the buffer pool on their own. */
class DataPathUnitsTest {

  @Test
  void tunnelMtuSubtractsOuterHeadersEspOverheadAndPadding() {
    // 1500 - 20 (IPv4) - 8 (UDP) - 8 (ESP) - 8 (IV) - 16 (ICV) = 1440 = 4*360, minus 2 trailer
    assertThat(TunnelMtu.compute(1500, false, EspTransform.aesGcm16(128))).isEqualTo(1438);
    assertThat(TunnelMtu.compute(1500, true, EspTransform.aesGcm16(256))).isEqualTo(1418);
    // CBC: 1500-20-8-8-16(IV)-16(ICV) = 1432 -> floor to 16: 1424, minus 2
    assertThat(TunnelMtu.compute(1500, false,
        EspTransform.aesCbc(128, EspIntegrity.HMAC_SHA2_256_128))).isEqualTo(1422);
  }

  @Test
  void clampsOnlyLargerMssAndKeepsChecksumValid() {
    byte[] syn = TestPackets.syn4("192.0.2.10", "198.51.100.7", 1460);
    assertThat(MssClamp.clamp(syn, 0, syn.length, 1398)).isTrue();
    assertThat(IpPacket.u16(syn, 42)).isEqualTo(1398);
    assertThat(TestPackets.transportChecksumValid(syn, 6)).isTrue();
    byte[] small = TestPackets.syn4("192.0.2.10", "198.51.100.7", 1200);
    assertThat(MssClamp.clamp(small, 0, small.length, 1398)).isFalse();
    byte[] ack = TestPackets.syn4("192.0.2.10", "198.51.100.7", 1460);
    ack[33] = 0x10; // ACK only, not a SYN
    assertThat(MssClamp.clamp(ack, 0, ack.length, 1398)).isFalse();
  }

  @Test
  void poolIsBoundedAndClearsReturnedBuffers() throws Exception {
    BufferPool pool = new BufferPool(2, 16);
    byte[] a = pool.take();
    byte[] b = pool.take();
    assertThat(pool.tryTake()).isNull();
    a[3] = 42;
    pool.give(a);
    byte[] again = pool.take();
    assertThat(again).isSameAs(a).containsOnly(0);
    assertThatThrownBy(() -> pool.give(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    pool.give(b);
    pool.give(again);
    assertThat(pool.available()).isEqualTo(2);
  }
}
