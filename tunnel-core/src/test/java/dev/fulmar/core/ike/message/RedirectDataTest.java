package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The data of REDIRECT and REDIRECTED_FROM notifies (RFC 5685 §10). RFC 5685 publishes no
 * encoded example; the vectors are written from its §10 diagram: GW Ident Type (1 IPv4, 2 IPv6, 3
 * FQDN), GW Ident Len, the identity, then the echoed nonce (REDIRECT in IKE_SA_INIT only).
 */
class RedirectDataTest {
  private static final HexFormat HEX = HexFormat.of();
  /** REDIRECT to 192.0.2.1 echoing the 8-octet nonce 0001020304050607. */
  private static final String IPV4_WITH_NONCE = "0104c00002010001020304050607";
  /** REDIRECTED_FROM 2001:db8::1, no nonce. */
  private static final String IPV6 = "021020010db8000000000000000000000001";
  /** REDIRECT to the name vpn.example (ASCII), no nonce. */
  private static final String FQDN = "030b76706e2e6578616d706c65";

  @Test
  void decodesAnIpv4GatewayAndTheEchoedNonce() throws Exception {
    RedirectData r = RedirectData.decode(HEX.parseHex(IPV4_WITH_NONCE));

    assertThat(r.gateway()).isEqualTo("192.0.2.1");
    assertThat(r.nonce()).isEqualTo(HEX.parseHex("0001020304050607"));
    assertThat(HEX.formatHex(r.encode())).isEqualTo(IPV4_WITH_NONCE);
  }

  @Test
  void decodesAnIpv6GatewayAndAName() throws Exception {
    assertThat(RedirectData.decode(HEX.parseHex(IPV6)).gateway()).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(RedirectData.decode(HEX.parseHex(FQDN)).gateway()).isEqualTo("vpn.example");
    assertThat(HEX.formatHex(new RedirectData("vpn.example", new byte[0]).encode()))
        .isEqualTo(FQDN);
  }

  @Test
  void rejectsWhatDoesNotFitItsType() {
    assertThatThrownBy(() -> RedirectData.decode(HEX.parseHex("0103c00002")))
        .isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("type 1 with 3");
    assertThatThrownBy(() -> RedirectData.decode(HEX.parseHex("0109c0000201")))
        .isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("9 octets");
    assertThatThrownBy(() -> RedirectData.decode(HEX.parseHex("0904c0000201")))
        .isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("unknown");
    assertThatThrownBy(() -> RedirectData.decode(HEX.parseHex("0302 2f2f".replace(" ", ""))))
        .isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("host name");
  }

  @Property
  void arbitraryDataDecodesOrIsRejectedWithATypedError(@ForAll byte[] data) {
    try {
      RedirectData r = RedirectData.decode(data);
      assertThat(r.gateway()).isNotEmpty();
    } catch (InvalidSyntaxException e) {
      assertThat(e.getMessage()).contains("REDIRECT");
    }
  }
}
