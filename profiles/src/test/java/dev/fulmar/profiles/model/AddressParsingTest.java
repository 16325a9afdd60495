package dev.fulmar.profiles.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressParsingTest {

  @Test
  void acceptsOnlyStrictLiterals() {
    assertThat(IpAddress.parse("192.0.2.1")).isPresent();
    assertThat(IpAddress.parse("2001:db8::1")).isPresent();
    assertThat(IpAddress.parse("::ffff:192.0.2.1")).isPresent();
    assertThat(IpAddress.parse("192.0.2")).isEmpty();
    assertThat(IpAddress.parse("010.0.0.1")).isEmpty();
    assertThat(IpAddress.parse("256.0.0.1")).isEmpty();
    assertThat(IpAddress.parse("fe80::1%eth0")).isEmpty();
    assertThat(IpAddress.parse("vpn.example.net")).isEmpty();
    assertThat(IpAddress.parse("1:2:3")).isEmpty();
  }

  @Test
  void subnetsNeedZeroHostBits() {
    assertThat(Subnet.parse("10.20.0.0/16").subnet()).isEqualTo(Subnet.of("10.20.0.0/16"));
    assertThat(Subnet.parse("10.20.0.1/16").error())
        .isEqualTo("'10.20.0.1/16' has host bits set: did you mean 10.20.0.0/16?");
    assertThat(Subnet.parse("10.0.0.0/33").error()).contains("invalid prefix length");
    assertThat(Subnet.parse("2001:db8::/32").subnet().prefixLength()).isEqualTo(32);
    assertThat(Subnet.parse("192.0.2.7").subnet().prefixLength()).isEqualTo(32);
  }

  @Test
  void buildsPrefixesFromNetmasks() {
    assertThat(Subnet.fromMask(IpAddress.of("10.1.0.0"), IpAddress.of("255.255.0.0")))
        .contains(Subnet.of("10.1.0.0/16"));
    assertThat(Subnet.fromMask(IpAddress.of("10.1.0.0"), IpAddress.of("255.0.255.0"))).isEmpty();
  }

  @Test
  void identitiesAreTypedByShapeOrPrefix() {
    assertThat(Identity.parse("vpn.example.net").type()).isEqualTo(Identity.Type.FQDN);
    assertThat(Identity.parse("jdoe@example.net").type()).isEqualTo(Identity.Type.RFC822_ADDR);
    assertThat(Identity.parse("192.0.2.1").type()).isEqualTo(Identity.Type.IPV4_ADDR);
    assertThat(Identity.parse("2001:db8::1").type()).isEqualTo(Identity.Type.IPV6_ADDR);
    assertThat(Identity.parse("CN=vpn, O=Example").type()).isEqualTo(Identity.Type.DER_ASN1_DN);
    assertThat(Identity.parse("keyid:group1"))
        .isEqualTo(new Identity(Identity.Type.KEY_ID, "group1"));
    Identity odd = new Identity(Identity.Type.FQDN, "jdoe@example.net");
    assertThat(odd.toString()).isEqualTo("fqdn:jdoe@example.net");
    assertThat(Identity.parse(odd.toString())).isEqualTo(odd);
    assertThat(Identity.Type.KEY_ID.ianaId()).isEqualTo(11);
  }
}
