package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.Pki;
import dev.fulmar.core.ike.ResponderConfig;
import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.core.ike.message.AuthMethod;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.CertPayload;
import dev.fulmar.core.ike.message.CertReqPayload;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.IkeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CertificateAndPskExchangeTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "ECDSA"})
  void connectsWithAClientCertificate(String kind) {
    TestPki.Issued client = kind.equals("RSA") ? Pki.CLIENT_RSA : Pki.CLIENT_ECDSA;
    h.gateway.clientAuth = ResponderConfig.ClientAuth.CERTIFICATE;
    h.params.auth(ExchangeHarness.certificate(client));
    h.connect();

    // IKE_SA_INIT { SAi1, KEi, Ni, N(NAT_DETECTION_*), N(SIGNATURE_HASH_ALGORITHMS) } -->
    h.toGateway();
    // <-- IKE_SA_INIT { SAr1, KEr, Nr, CERTREQ, N(SIGNATURE_HASH_ALGORITHMS) }
    h.toClient();
    // IKE_AUTH { IDi, CERT, CERTREQ, AUTH, CP(CFG_REQUEST), SAi2, TSi, TSr } -->
    h.toGateway();
    IkeMessage auth = h.gatewayReceived().get(0);
    assertThat(auth.first(IdPayload.class).orElseThrow().idType().value())
        .isEqualTo(IkeIdentity.Type.DER_ASN1_DN.code());
    assertThat(auth.payloads(CertPayload.class)).hasSize(1);
    assertThat(auth.first(CertReqPayload.class)).isPresent();
    assertThat(auth.first(AuthPayload.class).orElseThrow().method())
        .isEqualTo(AuthMethod.DIGITAL_SIGNATURE);
    // <-- IKE_AUTH { IDr, CERT, AUTH, CP(CFG_REPLY), SAr2, TSi, TSr }
    h.toClient();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.info().authMethod()).isEqualTo("certificate");
    assertThat(h.info().remoteCertificateSubject()).contains("CN=vpn.example.test");
    assertThat(h.info().localIdentity().toString()).contains("CN=" + (kind.equals("RSA")
        ? "alice" : "bob"));
    assertThat(h.info().virtualAddresses()).hasSize(1);
  }

  @Test
  void aGatewayThatRejectsOurCertificateSaysSo() {
    h.gateway.clientAuth = ResponderConfig.ClientAuth.CERTIFICATE;
    h.gateway.rejectAuthentication = true;
    h.params.auth(ExchangeHarness.certificate(Pki.CLIENT_RSA));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.step()).isEqualTo(FailureStep.IKE_AUTH);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.CERTIFICATE_AUTH_FAILED);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
  }

  @Test
  void connectsWithAPreSharedKeyVerifyingTheGatewaysAuth() {
    h.gateway.clientAuth = ResponderConfig.ClientAuth.PSK;
    h.params.auth(new AuthConfig.Psk(Secret.ofBytes(h.gateway.psk)))
        .localIdentity(IkeIdentity.fqdn("client.example.test"));
    h.connect();

    // IKE_SA_INIT ... -->  <-- ...
    h.toGateway();
    h.toClient();
    // IKE_AUTH { IDi, AUTH(PSK), CP, SAi2, TSi, TSr } -->
    h.toGateway();
    IkeMessage auth = h.gatewayReceived().get(0);
    assertThat(auth.first(AuthPayload.class).orElseThrow().method())
        .isEqualTo(AuthMethod.SHARED_KEY_MIC);
    assertThat(auth.first(CertReqPayload.class)).isEmpty();
    // <-- IKE_AUTH { IDr, AUTH(PSK), CP, SAr2, TSi, TSr }
    h.toClient();

    assertThat(h.info().authMethod()).isEqualTo("pre-shared key");
    assertThat(h.info().localIdentity()).hasToString("client.example.test");
  }

  @Test
  void aWrongPreSharedKeyIsReportedAsSuch() {
    h.gateway.clientAuth = ResponderConfig.ClientAuth.PSK;
    h.params.auth(new AuthConfig.Psk(Secret.ofBytes("not the key".getBytes(
        StandardCharsets.UTF_8))));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PSK_AUTH_FAILED);
    assertThat(h.events.failure.fix()).contains("pre-shared key");
  }
}
