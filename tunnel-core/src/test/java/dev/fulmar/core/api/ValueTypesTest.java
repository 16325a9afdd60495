package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void readsIdentitiesLikeStrongSwan() {
    assertThat(IkeIdentity.parse("vpn.example.test").type()).isEqualTo(IkeIdentity.Type.FQDN);
    assertThat(IkeIdentity.parse("alice@example.test").type())
        .isEqualTo(IkeIdentity.Type.RFC822_ADDR);
    assertThat(IkeIdentity.parse("@alice@example.test").type()).isEqualTo(IkeIdentity.Type.FQDN);
    assertThat(IkeIdentity.parse("192.0.2.1").type()).isEqualTo(IkeIdentity.Type.IPV4_ADDR);
    assertThat(IkeIdentity.parse("2001:db8::1").type()).isEqualTo(IkeIdentity.Type.IPV6_ADDR);
    assertThat(IkeIdentity.parse("@#0a0b").data()).containsExactly(0x0a, 0x0b);
    IkeIdentity dn = IkeIdentity.parse("C=CH, O=Example, CN=vpn.example.test");
    assertThat(dn.type()).isEqualTo(IkeIdentity.Type.DER_ASN1_DN);
    assertThat(dn).hasToString("C=CH,O=Example,CN=vpn.example.test");
    assertThat(IkeIdentity.parse("192.0.2.1")).hasToString("192.0.2.1");
    assertThat(IkeIdentity.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
  }

  @Test
  void trafficSelectorsPrintAsPrefixesWhenTheyAreOne() {
    assertThat(TrafficSelector.subnet("10.200.0.0/24")).hasToString("10.200.0.0/24");
    assertThat(TrafficSelector.subnet("10.200.0.77/24").start().getHostAddress())
        .isEqualTo("10.200.0.0");
    assertThat(TrafficSelector.all(false)).hasToString("0.0.0.0/0");
    assertThat(TrafficSelector.all(true)).hasToString("::/0");
    TrafficSelector host = TrafficSelector.subnet("198.51.100.7/32");
    assertThat(host.prefixLength()).isEqualTo(32);
  }

  @Test
  void failuresRenderTheirReasonAndFixWithTheirFacts() {
    IkeFailure f =
        IkeFailure.of(
            FailureStep.IKE_AUTH,
            ErrorCode.GATEWAY_IDENTITY_MISMATCH,
            "names", "vpn.example.test",
            "expected", "192.0.2.1");

    assertThat(f.reason())
        .isEqualTo(
            "the gateway's certificate names vpn.example.test, but the profile connects to"
                + " 192.0.2.1");
    assertThat(f.fix()).contains("remote identity");
    assertThat(f.details()).containsExactly(
        Map.entry("names", "vpn.example.test"), Map.entry("expected", "192.0.2.1"));
    assertThat(ErrorCode.fill("{a} and {b}", Map.of("a", "$1"))).isEqualTo("$1 and ?");
  }

  @Test
  void secretsNeverPrintAndCanBeWiped() {
    Secret s = Secret.ofChars("pässword".toCharArray());
    assertThat(s.toString()).doesNotContain("ssword");
    assertThat(new String(s.chars())).isEqualTo("pässword");
    s.wipe();
    assertThat(s.isWiped()).isTrue();
  }

  @Test
  void retransmissionWaitsGrowAndAreCapped() {
    RetransmissionPolicy p = RetransmissionPolicy.defaults();
    assertThat(p.timeoutAfter(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.timeoutAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.timeoutAfter(10)).isEqualTo(Duration.ofSeconds(16));
  }
}
