package dev.fulmar.helper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The demo profile reads back cleanly and is one the helper accepts from an operator. */
class DemoProfileTest {
  @Test
  void isAValidSplitTunnelProfileWithTheCaInside() throws Exception {
    String ca = DemoPki.issue(new SecureRandom(), DemoPkiTest.NOW).caCertPem();
    var r = ProfileCodec.read(DemoProfile.json(ca));
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    assertThat(r.problems()).as("no warnings either").isEmpty();
    Profile p = r.profile();
    assertThat(p.id()).isEqualTo(DemoProfile.ID);
    assertThat(p.name()).isEqualTo("Fulmar demo");
    assertThat(p.gateway().host()).isEqualTo("192.0.2.1");
    assertThat(p.trust().caCertificates()).containsExactly(new CaCertificate.Pem(ca));
    assertThat(p.trust().useSystemTrustStore()).isFalse();
    assertThat(p.auth()).isEqualTo(new Authentication.PasswordEap(
        Authentication.EapMethod.MSCHAPV2, "demo"));
    assertThat(p.routing().mode()).isEqualTo(Routing.Mode.SPLIT);
    assertThat(p.routing().include()).containsExactly(Subnet.of("10.200.0.0/24"));
    assertThat(p.dns().servers()).isEmpty();
  }
}
