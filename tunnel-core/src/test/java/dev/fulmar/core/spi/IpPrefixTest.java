package dev.fulmar.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IpPrefixTest {

  @Test
  void parsesIpv4AndIpv6Prefixes() throws Exception {
    IpPrefix v4 = IpPrefix.parse("10.1.0.0/16");
    assertThat(v4.network()).isEqualTo(InetAddress.getByName("10.1.0.0"));
    assertThat(v4.length()).isEqualTo(16);
    assertThat(v4.isIpv4()).isTrue();
    IpPrefix v6 = IpPrefix.parse("2001:db8::/32");
    assertThat(v6.isIpv4()).isFalse();
    assertThat(v6).hasToString("2001:db8:0:0:0:0:0:0/32");
  }

  @Test
  void aBareAddressIsAHostPrefix() {
    assertThat(IpPrefix.parse("192.0.2.7").length()).isEqualTo(32);
    assertThat(IpPrefix.parse("2001:db8::7").length()).isEqualTo(128);
  }

  @Test
  void rejectsHostBitsAndSuggestsTheNetwork() {
    assertThatThrownBy(() -> IpPrefix.parse("10.1.2.3/16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.1.0.0/16");
  }

  @Test
  void rejectsLengthsOutOfRange() {
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> IpPrefix.parse("::/129")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/-1")).hasMessageContaining("prefix length");
  }

  @Test
  void neverResolvesNames() {
    assertThatThrownBy(() -> IpPrefix.parse("localhost/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address literal in 'localhost/8'");
    assertThatThrownBy(() -> IpPrefix.parse("1.2.3/8")).hasMessageContaining("not an IPv4");
    assertThatThrownBy(() -> IpPrefix.parse("256.1.1.1")).hasMessageContaining("not an IPv4");
  }

  @Test
  void containsAddressesOfItsOwnFamilyOnly() throws Exception {
    IpPrefix p = IpPrefix.parse("198.51.100.0/24");
    assertThat(p.contains(InetAddress.getByName("198.51.100.200"))).isTrue();
    assertThat(p.contains(InetAddress.getByName("198.51.101.1"))).isFalse();
    assertThat(p.contains(InetAddress.getByName("::ffff:c633:6401"))).isTrue(); // mapped = IPv4
    assertThat(IpPrefix.parse("::/0").contains(InetAddress.getByName("198.51.100.1"))).isFalse();
    assertThat(IpPrefix.parse("0.0.0.0/0").contains(IpPrefix.parse("203.0.113.0/24"))).isTrue();
    assertThat(IpPrefix.parse("203.0.113.0/24").contains(IpPrefix.parse("0.0.0.0/0"))).isFalse();
  }

  @Test
  void containingClearsHostBits() throws Exception {
    assertThat(IpPrefix.containing(InetAddress.getByName("203.0.113.77"), 25))
        .isEqualTo(IpPrefix.parse("203.0.113.0/25"));
  }

  @Property
  void parseYieldsAPrefixOrAnIllegalArgument(@ForAll String text) {
    try {
      IpPrefix p = IpPrefix.parse(text);
      assertThat(IpPrefix.parse(p.toString())).isEqualTo(p);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property
  void formattedPrefixesParseBack(@ForAll byte[] raw, @ForAll int len) throws Exception {
    if (raw.length != 4 && raw.length != 16) {
      return;
    }
    int max = raw.length * 8;
    IpPrefix p = IpPrefix.containing(InetAddress.getByAddress(raw), Math.floorMod(len, max + 1));
    assertThat(IpPrefix.parse(p.toString())).isEqualTo(p);
    assertThat(p.contains(InetAddress.getByAddress(raw))).isTrue();
  }
}
