package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InetChecksumTest {

  /**
   * RFC 1071 §3, the worked example: the words 0001 f203 f4f5 f6f7 sum (with end-around carry)
   * to ddf2, so the checksum is ~ddf2 = 220d.
   */
  private static final String RFC1071_DATA_HEX = "0001f203f4f5f6f7";

  /**
   * An IPv4 header (Wikipedia's "IPv4 header checksum" example, checked with python3:
   * {@code hex(~sum(struct.unpack('!10H', hdr)) folded & 0xffff)}) whose checksum field holds
   * b861, so the whole header sums to ffff.
   */
  private static final String IPV4_HEADER_HEX = "450000730000400040110000c0a80001c0a800c7";

  @Test
  void matchesTheRfc1071Example() {
    byte[] b = HexFormat.of().parseHex(RFC1071_DATA_HEX);
    assertThat(InetChecksum.fold(InetChecksum.add(0, b, 0, b.length))).isEqualTo(0xddf2);
    assertThat(InetChecksum.finish(InetChecksum.add(0, b, 0, b.length))).isEqualTo(0x220d);
  }

  @Test
  void computesAnIpv4HeaderChecksum() {
    byte[] h = HexFormat.of().parseHex(IPV4_HEADER_HEX);
    assertThat(InetChecksum.finish(InetChecksum.add(0, h, 0, h.length))).isEqualTo(0xb861);
  }

  @Property(tries = 300)
  void eightBytesAtATimeEqualsTheWordByWordSum(@ForAll @Size(max = 3000) byte[] data,
      @ForAll @IntRange(min = 0, max = 7) int skip) {
    int off = Math.min(skip, data.length);
    long simple = 0;
    int i = off;
    for (; i + 1 < data.length; i += 2) {
      simple += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
    }
    if (i < data.length) {
      simple += (data[i] & 0xff) << 8;
    }
    assertThat(InetChecksum.fold(InetChecksum.add(0, data, off, data.length - off)))
        .isEqualTo(InetChecksum.fold(simple));
  }
}
