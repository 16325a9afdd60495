package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration payload (RFC 7296 §3.15, RFC 8598 for INTERNAL_DNS_DOMAIN). */
class ConfigPayloadTest {

  /**
   * RFC 7296 §3.15: CFG_REQUEST for INTERNAL_IP4_ADDRESS, INTERNAL_IP4_DNS, INTERNAL_IP6_ADDRESS,
   * INTERNAL_IP6_DNS, INTERNAL_IP4_SUBNET and INTERNAL_DNS_DOMAIN (RFC 8598 §3), all empty.
   */
  static final String CFG_REQUEST_HEX =
      "00000020 01 000000 0001 0000 0003 0000 0008 0000 000a 0000 000d 0000 0019 0000";

  /**
   * RFC 7296 §3.15.1: CFG_REPLY with address 10.1.0.2, DNS 10.1.0.1, IPv6 address 2001:db8::2/64,
   * split subnet 10.0.0.0/255.255.0.0 and split domain "corp.example" (RFC 8598 §3.1).
   */
  static final String CFG_REPLY_HEX =
      "00000049 02 000000"
          + "0001 0004 0a010002"
          + "0003 0004 0a010001"
          + "0008 0011 20010db8000000000000000000000002 40"
          + "000d 0008 0a000000 ffff0000"
          + "0019 000c 636f72702e6578616d706c65";

  @Test
  void requestRoundTrips() throws Exception {
    ConfigPayload request =
        ConfigPayload.request(
            ConfigAttributeType.INTERNAL_IP4_ADDRESS,
            ConfigAttributeType.INTERNAL_IP4_DNS,
            ConfigAttributeType.INTERNAL_IP6_ADDRESS,
            ConfigAttributeType.INTERNAL_IP6_DNS,
            ConfigAttributeType.INTERNAL_IP4_SUBNET,
            ConfigAttributeType.INTERNAL_DNS_DOMAIN);
    assertThat(Codec.decodeOne(PayloadType.CP, CFG_REQUEST_HEX)).isEqualTo(request);
    assertThat(Codec.encodeOne(request)).isEqualTo(Hex.normalize(CFG_REQUEST_HEX));
  }

  @Test
  void replyRoundTripsWithTypedValues() throws Exception {
    ConfigPayload reply =
        new ConfigPayload(
            ConfigType.REPLY,
            List.of(
                ConfigAttribute.address(ConfigAttributeType.INTERNAL_IP4_ADDRESS, ip("10.1.0.2")),
                ConfigAttribute.address(ConfigAttributeType.INTERNAL_IP4_DNS, ip("10.1.0.1")),
                ConfigAttribute.ip6Prefix(
                    ConfigAttributeType.INTERNAL_IP6_ADDRESS, (Inet6Address) ip("2001:db8::2"), 64),
                ConfigAttribute.ip4Subnet(
                    (Inet4Address) ip("10.0.0.0"), (Inet4Address) ip("255.255.0.0")),
                ConfigAttribute.text(ConfigAttributeType.INTERNAL_DNS_DOMAIN, "corp.example")));
    ConfigPayload decoded = (ConfigPayload) Codec.decodeOne(PayloadType.CP, CFG_REPLY_HEX);

    assertThat(decoded).isEqualTo(reply);
    assertThat(decoded.attributes(ConfigAttributeType.INTERNAL_IP4_ADDRESS).get(0).address())
        .isEqualTo(ip("10.1.0.2"));
    assertThat(decoded.attributes(ConfigAttributeType.INTERNAL_DNS_DOMAIN).get(0).text())
        .isEqualTo("corp.example");
    assertThat(decoded.toString())
        .contains("INTERNAL_IP6_ADDRESS=2001:db8:0:0:0:0:0:2/64")
        .contains("INTERNAL_IP4_SUBNET=10.0.0.0/255.255.0.0");
    assertThat(Codec.encodeOne(reply)).isEqualTo(Hex.normalize(CFG_REPLY_HEX));
  }

  @Test
  void ignoresTheReservedBitOfAttributeTypes() throws Exception {
    ConfigPayload decoded =
        (ConfigPayload) Codec.decodeOne(PayloadType.CP, "00000010 02 000000 8001 0004 0a010002");
    assertThat(decoded.attributes().get(0).type())
        .isEqualTo(ConfigAttributeType.INTERNAL_IP4_ADDRESS);
  }

  @Test
  void rejectsAddressAttributeOfWrongLength() {
    assertThatThrownBy(
            () -> Codec.decodeOne(PayloadType.CP, "00000011 02 000000 0001 0005 0a01000200"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage(
            "CP payload at offset 12: attribute 1: INTERNAL_IP4_ADDRESS of 5 octets, "
                + "must be 0 or 4");
  }

  @Test
  void rejectsAttributeLongerThanThePayload() {
    assertThatThrownBy(
            () -> Codec.decodeOne(PayloadType.CP, "00000010 02 000000 0019 0010 636f7270"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("attribute 1 INTERNAL_DNS_DOMAIN value needs 16 octets but only 4");
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }
}
