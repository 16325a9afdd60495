package dev.fulmar.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressTextTest {

  @Test
  void ipv4IsADottedQuad() throws Exception {
    assertThat(AddressText.of(InetAddress.getByName("10.201.0.1"))).isEqualTo("10.201.0.1");
  }

  /** The examples of RFC 5952 §4.2.1-§4.2.3 and §4.3, plus the edges. */
  @Test
  void ipv6IsInTheCanonicalFormOfRfc5952() throws Exception {
    assertThat(text("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
    assertThat(text("2001:db8:0:1:1:1:1:1")).as("one zero group stays").isEqualTo(
        "2001:db8:0:1:1:1:1:1");
    assertThat(text("2001:0:0:1:0:0:0:1")).as("the longest run").isEqualTo("2001:0:0:1::1");
    assertThat(text("2001:db8:0:0:1:0:0:1")).as("the first of equal runs").isEqualTo(
        "2001:db8::1:0:0:1");
    assertThat(text("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(text("::")).isEqualTo("::");
    assertThat(text("::1")).isEqualTo("::1");
    assertThat(text("2001:db8:200::")).isEqualTo("2001:db8:200::");
    assertThat(text("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
  }

  @Test
  void prefixesAndTunnelAddressesUseTheSameForm() throws Exception {
    assertThat(AddressText.of(IpPrefix.parse("2001:db8:200::/64"))).isEqualTo(
        "2001:db8:200::/64");
    assertThat(AddressText.of(TunnelAddress.host(InetAddress.getByName("2001:db8:201::1"))))
        .isEqualTo("2001:db8:201::1/128");
  }

  @Property
  void everyIpv6AddressReadsBackAsItselfAndIsNoLongerThanJavasForm(
      @ForAll byte[] seed) throws Exception {
    byte[] raw = new byte[16];
    for (int i = 0; i < seed.length && i < 16; i++) {
      raw[i] = (byte) (seed[i] % 3 == 0 ? 0 : seed[i]); // plenty of zero groups
    }
    InetAddress a = InetAddress.getByAddress(raw);
    String s = AddressText.of(a);
    assertThat(InetAddress.getByName(s)).isEqualTo(a);
    assertThat(s).doesNotContain(":::").hasSizeLessThanOrEqualTo(a.getHostAddress().length());
    assertThat(s.indexOf("::")).isEqualTo(s.lastIndexOf("::"));
  }

  private static String text(String literal) throws Exception {
    return AddressText.of(InetAddress.getByName(literal));
  }
}
