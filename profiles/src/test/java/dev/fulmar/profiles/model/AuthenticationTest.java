package dev.fulmar.profiles.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.secrets.SecretKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static final Pkcs12 P12 = new Pkcs12.FileRef("/home/j/j.p12");
  private static final Authentication.PasswordEap EAP =
      new Authentication.PasswordEap(EapMethod.MSCHAPV2, "jdoe");

  @Test
  void eachMethodNamesTheSecretsItNeedsInTheOrderTheyAreAsked() {
    assertThat(SecretKind.requiredBy(EAP)).containsExactly(SecretKind.EAP_PASSWORD);
    assertThat(SecretKind.requiredBy(new Authentication.Psk())).containsExactly(SecretKind.PSK);
    assertThat(SecretKind.requiredBy(new Authentication.Certificate(P12)))
        .containsExactly(SecretKind.PKCS12_PASSWORD);
    assertThat(SecretKind.requiredBy(new Authentication.EapTls(P12, null)))
        .containsExactly(SecretKind.PKCS12_PASSWORD);
    assertThat(SecretKind.requiredBy(new Authentication.CertificateThenEap(P12, EAP)))
        .containsExactly(SecretKind.PKCS12_PASSWORD, SecretKind.EAP_PASSWORD);
  }

  @Test
  void exposesTheCertificateAndThePasswordRoundUniformly() {
    Authentication multi = new Authentication.CertificateThenEap(P12, EAP);
    assertThat(multi.pkcs12()).contains(P12);
    assertThat(multi.passwordRound()).contains(EAP);
    assertThat(multi.method()).isEqualTo("certificate+eap");
    assertThat(EAP.pkcs12()).isEmpty();
    assertThat(EAP.eap().eapType()).isEqualTo(26);
    assertThat(new Authentication.Certificate(null).usesCertificate()).isTrue();
    assertThat(new Authentication.Certificate(null).pkcs12()).isEmpty();
  }

  @Test
  void theRemoteIdDefaultsToTheGatewayHost() {
    Profile byName = Profile.builder().name("x").gateway("vpn.example.net").auth(EAP).build();
    Profile byAddress = byName.toBuilder().gateways(List.of(Gateway.of("192.0.2.7"))).build();
    assertThat(byName.effectiveRemoteId()).isEqualTo(new Identity(Identity.Type.FQDN, "vpn.example.net"));
    assertThat(byAddress.effectiveRemoteId().type()).isEqualTo(Identity.Type.IPV4_ADDR);
    Identity explicit = Identity.parse("CN=vpn, O=Example");
    assertThat(byName.toBuilder().remoteId(explicit).build().effectiveRemoteId()).isEqualTo(explicit);
  }
}
