package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.spi.IpPrefix;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Negotiated selectors (address ranges) become the routes that cover exactly them. */
class PrefixesTest {

  @Test
  void aSubnetSelectorIsOneRoute() throws Exception {
    assertThat(Prefixes.covering(ip("10.200.0.0"), ip("10.200.0.255")))
        .containsExactly(IpPrefix.parse("10.200.0.0/24"));
    assertThat(Prefixes.covering(ip("0.0.0.0"), ip("255.255.255.255")))
        .containsExactly(IpPrefix.parse("0.0.0.0/0"));
    assertThat(Prefixes.covering(ip("::"), ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")))
        .containsExactly(IpPrefix.parse("::/0"));
  }

  @Test
  void anUnalignedRangeBecomesTheFewestPrefixes() throws Exception {
    assertThat(Prefixes.covering(ip("10.0.0.5"), ip("10.0.0.9"))).containsExactly(
        IpPrefix.parse("10.0.0.5/32"), IpPrefix.parse("10.0.0.6/31"),
        IpPrefix.parse("10.0.0.8/31"));
  }

  @Test
  void refusesInvertedAndMixedRanges() throws Exception {
    assertThatThrownBy(() -> Prefixes.covering(ip("10.0.0.9"), ip("10.0.0.5")))
        .hasMessageContaining("start after its end");
    assertThatThrownBy(() -> Prefixes.covering(ip("10.0.0.9"), ip("::1")))
        .hasMessageContaining("mixes address families");
  }

  @Test
  void refusesARangeThatNeedsTooManyRoutes() throws Exception {
    assertThatThrownBy(() -> Prefixes.covering(ip("::1"), ip("ffff::fffe")))
        .hasMessageContaining("needs more than 64 routes");
  }

  /** Any IPv4 range: the prefixes are adjacent, in order, and cover exactly start..end. */
  @Property(tries = 300)
  void prefixesTileTheRangeExactly(@ForAll int a, @ForAll @IntRange(min = 0, max = 100000) int w)
      throws Exception {
    long start = Integer.toUnsignedLong(a);
    long end = Math.min(0xFFFF_FFFFL, start + w);
    List<IpPrefix> out = Prefixes.covering(v4(start), v4(end));
    long next = start;
    for (IpPrefix p : out) {
      assertThat(new BigInteger(1, p.network().getAddress()).longValue()).isEqualTo(next);
      next += 1L << (32 - p.length());
    }
    assertThat(next - 1).isEqualTo(end);
  }

  private static InetAddress v4(long v) throws Exception {
    return InetAddress.getByAddress(new byte[] {
        (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }
}
