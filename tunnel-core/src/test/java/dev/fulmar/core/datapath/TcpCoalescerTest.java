package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpCoalescerTest {
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final String SRV = "198.51.100.7";
  private static final String CLI = "192.0.2.10";

  private final TcpCoalescer c = new TcpCoalescer(16, 65535, 32);

  private void add(byte[] p) {
    assertThat(c.add(p, 0, p.length)).isTrue();
  }

  /** Cuts item {@code i} back into segments the way the kernel would. */
  private List<byte[]> resegment(int i) {
    byte[] item = Arrays.copyOfRange(c.buffers()[i], c.offset(), c.offset() + c.sizes()[i]);
    GsoInfo g = c.gso()[i];
    if (g.type == GsoInfo.Type.NONE) {
      return List.of(item);
    }
    byte[][] out = new byte[64][2048];
    int[] sizes = new int[64];
    int n = TcpSegmenter.segment(item, 0, item.length, g, out, 0, sizes);
    List<byte[]> list = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      list.add(Arrays.copyOf(out[k], sizes[k]));
    }
    return list;
  }

  @Test
  void mergesInOrderSegmentsOfOneFlowIntoOneSuperPacket() {
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(TestPackets.tcp4(SRV, CLI, 100 + i, 5000 + i * 1000L, i == 5 ? ACK | PSH : ACK,
          i == 5 ? 300 : 1000));
    }
    sent.forEach(this::add);
    c.finish();

    assertThat(c.count()).isEqualTo(1);
    GsoInfo g = c.gso()[0];
    assertThat(g.type).isEqualTo(GsoInfo.Type.TCPV4);
    assertThat(g.segmentSize).isEqualTo(1000);
    assertThat(g.needsChecksum).isTrue();
    assertThat(c.sizes()[0]).isEqualTo(40 + 5300);
    List<byte[]> again = resegment(0);
    assertThat(again).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(again.get(i)).as("segment %d", i).isEqualTo(sent.get(i));
    }
  }

  @Test
  void keepsPacketsThatMustNotMergeApartAndInOrder() {
    byte[] a = TestPackets.tcp4(SRV, CLI, 1, 1000, ACK, 500);
    byte[] gap = TestPackets.tcp4(SRV, CLI, 2, 2000, ACK, 500); // 1500 expected
    byte[] syn = TestPackets.tcp4(SRV, CLI, 3, 2500, 0x12, 0);
    byte[] udp = TestPackets.udp4(SRV, CLI, 300, 4, false);
    byte[] bad = TestPackets.tcp4(SRV, CLI, 5, 2500, ACK, 500);
    bad[60] ^= 1; // checksum no longer verifies
    byte[] other = TestPackets.tcp4(SRV, "192.0.2.11", 6, 3000, ACK, 500);
    List<byte[]> sent = List.of(a, gap, syn, udp, bad, other);
    sent.forEach(this::add);
    c.finish();

    assertThat(c.count()).isEqualTo(6);
    for (int i = 0; i < 6; i++) {
      assertThat(c.gso()[i].type).isEqualTo(GsoInfo.Type.NONE);
      assertThat(resegment(i).get(0)).isEqualTo(sent.get(i));
    }
  }

  @Test
  void shortSegmentClosesTheGroup() {
    add(TestPackets.tcp4(SRV, CLI, 1, 0, ACK, 1000));
    add(TestPackets.tcp4(SRV, CLI, 2, 1000, ACK, 400));
    add(TestPackets.tcp4(SRV, CLI, 3, 1400, ACK, 1000));
    c.finish();
    assertThat(c.count()).isEqualTo(2);
    assertThat(c.gso()[0].type).isEqualTo(GsoInfo.Type.TCPV4);
    assertThat(c.sizes()[0]).isEqualTo(40 + 1400);
    assertThat(c.gso()[1].type).isEqualTo(GsoInfo.Type.NONE);
  }

  @Test
  void reportsFullWhenOutOfItems() {
    TcpCoalescer small = new TcpCoalescer(2, 65535, 0);
    byte[] u1 = TestPackets.udp4(SRV, CLI, 100, 1, false);
    assertThat(small.add(u1, 0, u1.length)).isTrue();
    assertThat(small.add(u1, 0, u1.length)).isTrue();
    assertThat(small.add(u1, 0, u1.length)).isFalse();
  }
}
