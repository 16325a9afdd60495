package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IkeIdentityTest {

  /** ID_IPV4_ADDR 192.0.2.1: type 1, three reserved octets, the address. */
  private static final String IPV4_BODY_HEX = "01000000c0000201";

  @Test
  void encodesAndDecodesAnIpv4Identity() throws Exception {
    IkeIdentity id = IkeIdentity.address(InetAddress.getByName("192.0.2.1"));
    assertThat(HexFormat.of().formatHex(id.toPayloadBody())).isEqualTo(IPV4_BODY_HEX);
    IkeIdentity back = IkeIdentity.fromPayloadBody(HexFormat.of().parseHex(IPV4_BODY_HEX));
    assertThat(back).isEqualTo(id);
    assertThat(back.toString()).isEqualTo("ID_IPV4_ADDR:192.0.2.1");
  }

  @Test
  void displaysDnsNamesEmailAndDn() {
    assertThat(IkeIdentity.fqdn("VPN.example.test").display()).isEqualTo("vpn.example.test");
    assertThat(IkeIdentity.rfc822("alice@example.test").display())
        .isEqualTo("alice@example.test");
    assertThat(IkeIdentity.dn(new X500Principal("CN=gw, O=Example")).display())
        .isEqualTo("CN=gw,O=Example");
    assertThat(IkeIdentity.of(200, new byte[] {1}).toString()).isEqualTo("unknown(200):01");
  }

  @Test
  void rejectsBodyShorterThanFixedPart() {
    assertThatThrownBy(() -> IkeIdentity.fromPayloadBody(new byte[3]))
        .isInstanceOf(AuthDataException.class)
        .hasMessageContaining("less than 4");
  }

  @Test
  void rejectsIpv6IdentityWithWrongLength() {
    assertThatThrownBy(() -> IkeIdentity.fromPayloadBody(new byte[] {5, 0, 0, 0, 1, 2}))
        .isInstanceOf(AuthDataException.class)
        .hasMessageContaining("ID_IPV6_ADDR");
  }

  @Property(tries = 2000)
  void decodesArbitraryBytesToAnIdentityOrATypedError(@ForAll byte[] body) {
    try {
      IkeIdentity id = IkeIdentity.fromPayloadBody(body);
      assertThat(id.toPayloadBody()).hasSize(Math.max(body.length, 4));
      assertThat(id.toString()).isNotNull();
    } catch (AuthDataException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
