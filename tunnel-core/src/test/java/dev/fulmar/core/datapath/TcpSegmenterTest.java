package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class TcpSegmenterTest {

  /** A TCP super-packet (PSH|ACK|FIN|CWR) of {@code payload} bytes from 192.0.2.10 to LAN. */
  static byte[] superPacket4(int payload) {
    int len = 40 + payload;
    byte[] p = new byte[len];
    p[0] = 0x45;
    IpPacket.put16(p, 2, Math.min(len, 65535));
    IpPacket.put16(p, 4, 0x0100);
    p[6] = 0x40;
    p[8] = 64;
    p[9] = 6;
    System.arraycopy(TestPackets.addr("192.0.2.10"), 0, p, 12, 4);
    System.arraycopy(TestPackets.addr("198.51.100.7"), 0, p, 16, 4);
    IpPacket.put16(p, 20, 40001);
    IpPacket.put16(p, 22, 443);
    IpPacket.put16(p, 24, 0xFFFF); // sequence number close to wrapping
    IpPacket.put16(p, 26, 0xF000);
    p[32] = 0x50;
    p[33] = (byte) (0x80 | 0x10 | 0x08 | 0x01);
    for (int i = 40; i < len; i++) {
      p[i] = (byte) (i * 7);
    }
    return p;
  }

  @Test
  void cutsSuperPacketIntoMssSegmentsWithValidHeaders() {
    byte[] in = superPacket4(10_000);
    GsoInfo g = new GsoInfo();
    g.type = GsoInfo.Type.TCPV4;
    g.headerLength = 40;
    g.segmentSize = 1360;
    byte[][] out = new byte[16][2048];
    int[] sizes = new int[16];

    int n = TcpSegmenter.segment(in, 0, in.length, g, out, 0, sizes);

    assertThat(n).isEqualTo(8); // 7 x 1360 + 480
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      byte[] seg = java.util.Arrays.copyOf(out[i], sizes[i]);
      assertThat(IpPacket.validate(seg, 0, seg.length)).isEqualTo(seg.length);
      assertThat(TestPackets.ipv4HeaderChecksumValid(seg)).isTrue();
      assertThat(TestPackets.transportChecksumValid(seg, 6)).as("segment %d", i).isTrue();
      assertThat(IpPacket.u16(seg, 4)).isEqualTo(0x0100 + i);
      long seq = (((long) IpPacket.u16(seg, 24) << 16) | IpPacket.u16(seg, 26));
      assertThat(seq).isEqualTo((0xFFFF_F000L + i * 1360L) & 0xFFFF_FFFFL);
      int flags = seg[33] & 0xFF;
      assertThat((flags & 0x01) != 0).isEqualTo(i == n - 1); // FIN only last
      assertThat((flags & 0x08) != 0).isEqualTo(i == n - 1); // PSH only last
      assertThat((flags & 0x80) != 0).isEqualTo(i == 0); // CWR only first
      payload.write(seg, 40, seg.length - 40);
    }
    assertThat(payload.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(in, 40, in.length));
  }

  @Test
  void refusesNonTcpOrTooManySegments() {
    GsoInfo g = new GsoInfo();
    g.type = GsoInfo.Type.TCPV4;
    g.segmentSize = 100;
    byte[] udp = TestPackets.udp4("192.0.2.10", "198.51.100.7", 500, 1, false);
    assertThat(TcpSegmenter.segment(udp, 0, udp.length, g, new byte[8][600], 0, new int[8]))
        .isEqualTo(-1);
    byte[] big = superPacket4(5000);
    assertThat(TcpSegmenter.segment(big, 0, big.length, g, new byte[8][600], 0, new int[8]))
        .isEqualTo(-1);
  }
}
