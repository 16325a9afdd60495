package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.get16;
import static dev.fulmar.adapters.linux.Packets.ip;
import static dev.fulmar.adapters.linux.Packets.put16;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link GsoSplitter} and {@link TcpCoalescer} against super-packets built here the way the
 * kernel hands them over (virtio header, partial checksum holding the pseudo-header sum).
 * Checksums are verified independently: a valid header or segment sums to 0xffff with its
 * pseudo-header (RFC 1071 §1).
 */
class GsoTest {

  private static final int V = VirtioNetHeader.LENGTH;

  @Test
  void splitsATcpv4SuperPacketLikeTheKernel() {
    byte[] sp = superPacket(false, 12, 3000, 1000, 0x18 /* ACK|PSH */, 7);
    List<byte[]> segs = split(sp);
    assertThat(segs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      byte[] s = segs.get(i);
      assertThat(s).hasSize(20 + 32 + 1000);
      assertThat(get16(s, 2)).isEqualTo(s.length);
      assertThat(get16(s, 4)).as("IP id").isEqualTo(0x1000 + i);
      assertThat(sum(s, 0, 20)).as("IPv4 header checksum").isEqualTo(0xffff);
      assertThat(tcpValid(s, false)).as("TCP checksum of segment " + i).isTrue();
      assertThat(GsoSplitter.get32(s, 24)).isEqualTo(7 + 1000L * i);
      assertThat(s[33] & 0x08).as("PSH only on the last").isEqualTo(i == 2 ? 0x08 : 0);
      assertThat(Arrays.copyOfRange(s, 52, 1052))
          .isEqualTo(Arrays.copyOfRange(sp, V + 52 + 1000 * i, V + 52 + 1000 * (i + 1)));
    }
  }

  @Test
  void splitsTcpv6AndUdpAndShortLastSegments() {
    List<byte[]> v6 = split(superPacket(true, 0, 2500, 1200, 0x10, 1));
    assertThat(v6).extracting(s -> s.length).containsExactly(60 + 1200, 60 + 1200, 60 + 100);
    assertThat(v6).allSatisfy(s -> assertThat(tcpValid(s, true)).isTrue());
    assertThat(v6).allSatisfy(s -> assertThat(get16(s, 4)).isEqualTo(s.length - 40));

    byte[] udp = udpSuperPacket(2000, 800);
    List<byte[]> u = split(udp);
    assertThat(u).extracting(s -> s.length).containsExactly(28 + 800, 28 + 800, 28 + 400);
    for (byte[] s : u) {
      assertThat(get16(s, 24)).as("UDP length").isEqualTo(s.length - 20);
      long pseudo = InetChecksum.pseudoHeader(s, 0, false, 17, s.length - 20);
      assertThat(InetChecksum.fold(InetChecksum.add(pseudo, s, 20, s.length - 20)))
          .isEqualTo(0xffff);
    }
  }

  @Test
  void completesAPartialChecksumOnAPlainPacket() {
    byte[] sp = superPacket(false, 0, 500, 500, 0x10, 1);
    VirtioNetHeader.write(sp, 0, VirtioNetHeader.FLAG_NEEDS_CSUM, VirtioNetHeader.GSO_NONE, 0, 0,
        20, 16);
    List<byte[]> out = split(sp);
    assertThat(out).singleElement().satisfies(s -> assertThat(tcpValid(s, false)).isTrue());
  }

  @Test
  void coalescesConsecutiveSegmentsAndStopsAtAnythingElse() {
    List<byte[]> segs = split(superPacket(false, 12, 4000, 1000, 0x18, 100));
    byte[] other = split(superPacket(false, 12, 1000, 1000, 0x10, 9_000_000)).get(0);
    byte[][] bufs = {segs.get(0), segs.get(1), segs.get(2), other, segs.get(3)};
    int[] sizes = Arrays.stream(bufs).mapToInt(b -> b.length).toArray();
    TcpCoalescer c = new TcpCoalescer().reset(bufs, sizes, 0, 5);
    byte[] out = new byte[70000];
    List<Integer> groups = new ArrayList<>();
    List<byte[]> outputs = new ArrayList<>();
    int len;
    while ((len = c.next(out)) >= 0) {
      groups.add(c.lastGroupSize());
      outputs.add(Arrays.copyOf(out, len));
    }
    assertThat(groups).containsExactly(3, 1, 1); // the sequence gap splits the run
    byte[] merged = outputs.get(0);
    assertThat(VirtioNetHeader.gsoType(merged, 0)).isEqualTo(VirtioNetHeader.GSO_TCPV4);
    assertThat(VirtioNetHeader.gsoSize(merged, 0)).isEqualTo(1000);
    assertThat(VirtioNetHeader.headerLength(merged, 0)).isEqualTo(52);
    assertThat(sum(merged, V, 20)).isEqualTo(0xffff);
    assertThat(split(merged)).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(segs.subList(0, 3));
    assertThat(VirtioNetHeader.gsoType(outputs.get(1), 0)).isEqualTo(VirtioNetHeader.GSO_NONE);
  }

  @Property(tries = 300)
  void splitThenCoalesceThenSplitIsTheIdentity(
      @ForAll boolean ipv6, @ForAll boolean options,
      @ForAll @IntRange(min = 1, max = 30000) int payload,
      @ForAll @IntRange(min = 64, max = 1460) int mss) {
    List<byte[]> segs = split(superPacket(ipv6, options ? 12 : 0, payload, mss, 0x18, 12345));
    byte[][] bufs = segs.toArray(byte[][]::new);
    int[] sizes = Arrays.stream(bufs).mapToInt(b -> b.length).toArray();
    TcpCoalescer c = new TcpCoalescer().reset(bufs, sizes, 0, bufs.length);
    byte[] out = new byte[70000];
    List<byte[]> again = new ArrayList<>();
    int len;
    int covered = 0;
    while ((len = c.next(out)) >= 0) {
      covered += c.lastGroupSize();
      again.addAll(split(Arrays.copyOf(out, len)));
    }
    assertThat(covered).isEqualTo(bufs.length);
    assertThat(again).hasSameSizeAs(segs);
    for (int i = 0; i < segs.size(); i++) {
      assertThat(again.get(i)).isEqualTo(segs.get(i));
    }
  }

  @Property(tries = 500)
  void arbitraryBytesIntoTheSplitterNeverThrow(@ForAll @Size(min = 11, max = 3000) byte[] raw) {
    GsoSplitter s = new GsoSplitter();
    if (s.start(raw, 0, V, raw.length - V)) {
      byte[] out = new byte[s.maxSegmentLength() + 16];
      int guard = 0;
      while (s.next(out, 0) >= 0 && guard++ < 100_000) {
        assertThat(s.maxSegmentLength()).isLessThanOrEqualTo(raw.length);
      }
    }
  }

  @Property(tries = 500)
  void arbitraryPacketsIntoTheCoalescerNeverThrow(@ForAll @Size(max = 8) List<@Size(max = 200)
      byte[]> packets) {
    byte[][] bufs = packets.stream().map(p -> Arrays.copyOf(p, 256)).toArray(byte[][]::new);
    int[] sizes = packets.stream().mapToInt(p -> p.length).toArray();
    TcpCoalescer c = new TcpCoalescer().reset(bufs, sizes, 0, bufs.length);
    byte[] out = new byte[70000];
    int covered = 0;
    while (c.next(out) >= 0) {
      covered += c.lastGroupSize();
    }
    assertThat(covered).isEqualTo(bufs.length);
  }

  /**
   * A TCP super-packet with a virtio header as the kernel writes it: headers of the whole burst,
   * {@code payload} bytes, GSO size {@code mss}, partial checksum (pseudo-header sum, folded).
   */
  static byte[] superPacket(boolean ipv6, int optionBytes, int payload, int mss, int flags,
      long seq) {
    int ipHl = ipv6 ? 40 : 20;
    int tcpHl = 20 + optionBytes;
    int total = ipHl + tcpHl + payload;
    byte[] b = new byte[V + total];
    int o = V;
    if (ipv6) {
      b[o] = 0x60;
      put16(b, o + 4, total - 40);
      b[o + 6] = 6;
      b[o + 7] = 64;
      System.arraycopy(ip("fd00:9::1").getAddress(), 0, b, o + 8, 16);
      System.arraycopy(ip("fd00:9::2").getAddress(), 0, b, o + 24, 16);
    } else {
      Packets.ipv4Header(b, o, total, 6, ip("10.9.0.1"), ip("10.9.0.2"), 0x1000);
    }
    int t = o + ipHl;
    put16(b, t, 40000);
    put16(b, t + 2, 5001);
    GsoSplitter.put32(b, t + 4, seq);
    GsoSplitter.put32(b, t + 8, 777);
    b[t + 12] = (byte) ((tcpHl / 4) << 4);
    b[t + 13] = (byte) flags;
    put16(b, t + 14, 502);
    for (int i = 0; i < optionBytes; i++) {
      b[t + 20 + i] = (byte) (i == 0 ? 1 : i == 1 ? 1 : i == 2 ? 8 : i == 3 ? 10 : i);
    }
    for (int i = 0; i < payload; i++) {
      b[t + tcpHl + i] = (byte) (i * 7 + seq);
    }
    long pseudo = InetChecksum.pseudoHeader(b, o, ipv6, 6, tcpHl + payload);
    put16(b, t + 16, InetChecksum.fold(pseudo));
    VirtioNetHeader.write(b, 0, VirtioNetHeader.FLAG_NEEDS_CSUM,
        ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4, ipHl + tcpHl, mss, ipHl, 16);
    return b;
  }

  private static byte[] udpSuperPacket(int payload, int segment) {
    byte[] b = new byte[V + 28 + payload];
    Packets.ipv4Header(b, V, 28 + payload, 17, ip("10.9.0.1"), ip("10.9.0.2"), 0x2000);
    put16(b, V + 20, 4500);
    put16(b, V + 22, 4500);
    put16(b, V + 24, 8 + payload);
    put16(b, V + 26, InetChecksum.fold(InetChecksum.pseudoHeader(b, V, false, 17, 8 + payload)));
    VirtioNetHeader.write(b, 0, VirtioNetHeader.FLAG_NEEDS_CSUM, VirtioNetHeader.GSO_UDP_L4, 28,
        segment, 20, 6);
    return b;
  }

  static List<byte[]> split(byte[] withHeader) {
    GsoSplitter s = new GsoSplitter();
    assertThat(s.start(withHeader, 0, V, withHeader.length - V)).isTrue();
    List<byte[]> out = new ArrayList<>();
    byte[] seg = new byte[70000];
    int len;
    while ((len = s.next(seg, 0)) >= 0) {
      out.add(Arrays.copyOf(seg, len));
    }
    return out;
  }

  private static int sum(byte[] b, int off, int len) {
    return InetChecksum.fold(InetChecksum.add(0, b, off, len));
  }

  private static boolean tcpValid(byte[] s, boolean ipv6) {
    int l4 = ipv6 ? 40 : 20;
    long pseudo = InetChecksum.pseudoHeader(s, 0, ipv6, 6, s.length - l4);
    return InetChecksum.fold(InetChecksum.add(pseudo, s, l4, s.length - l4)) == 0xffff;
  }
}
