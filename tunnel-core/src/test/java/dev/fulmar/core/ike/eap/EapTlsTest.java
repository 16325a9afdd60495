package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.ExpectedGateway;
import dev.fulmar.core.ike.auth.GatewayAuthException;
import dev.fulmar.core.ike.auth.GatewayCertificateValidator;
import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.core.ike.auth.TestPki.Issued;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;
import dev.fulmar.core.ike.auth.TrustAnchors;
import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EAP-TLS end to end in memory: our client (through {@link EapClient}) against a JDK SSLEngine
 * server, with fragmentation both ways; both sides must derive the same MSK.
 */
class EapTlsTest {

  private static final Issued CA = TestPki.ca("EAP Test Root", KeyKind.EC_P384);
  private static final Issued GATEWAY = TestPki.cert("CN=vpn.example.test")
      .key(KeyKind.RSA_3072).dns("vpn.example.test").ip("192.0.2.1").serverAuth()
      .issuedBy(CA);
  private static final Issued CLIENT = TestPki.cert("CN=carol").key(KeyKind.EC_P256)
      .email("carol@example.test").clientAuth().issuedBy(CA);

  private static EapTls method(TrustAnchors anchors, String host, int fragmentSize)
      throws Exception {
    return new EapTls(new EapTls.Config(
        new GatewayCertificateValidator(anchors, TestPki.CLOCK),
        new ExpectedGateway(null, host),
        ClientCredential.of(CLIENT.privateKey(), List.of(CLIENT.certificate(),
            CA.certificate())),
        new SecureRandom(), fragmentSize));
  }

  /** Runs the conversation and returns the client's final step. */
  private static EapClient.Step run(EapClient client, EapTlsTestServer server)
      throws Exception {
    EapClient.Step step = client.process(HexRequests.IDENTITY);
    byte[] toClient = server.start();
    for (int round = 0; round < 200; round++) {
      step = client.process(toClient);
      if (step instanceof EapClient.Succeeded) {
        return step;
      }
      toClient = server.handle(((EapClient.Respond) step).message());
    }
    throw new AssertionError("EAP-TLS did not finish in 200 rounds");
  }

  @Test
  void bothSidesDeriveTheSameMskOverFragmentedMessages() throws Exception {
    EapTls tls = method(TrustAnchors.of(List.of(CA.certificate())), "vpn.example.test", 300);
    EapClient client = new EapClient("carol@example.test", tls);
    EapTlsTestServer server = new EapTlsTestServer(GATEWAY,
        List.of(GATEWAY.certificate(), CA.certificate()), CA, 400);

    EapClient.Step done = run(client, server);

    byte[] clientMsk = ((EapClient.Succeeded) done).msk().orElseThrow();
    assertThat(clientMsk).hasSize(64).isEqualTo(server.msk());
    assertThat(server.clientChain()[0]).isEqualTo(CLIENT.certificate());
    assertThat(tls.protocol()).contains(server.protocol());
    // TLS 1.3 (RFC 9190) only where the JDK exports keying material (Java 25+).
    assertThat(tls.protocol()).contains(
        TlsKeyMaterial.exporterAvailable() ? "TLSv1.3" : "TLSv1.2");
  }

  @Test
  void worksWithDefaultFragmentSizeAndIpLiteralHost() throws Exception {
    EapTls tls = method(TrustAnchors.of(List.of(CA.certificate())), "192.0.2.1",
        EapTls.DEFAULT_FRAGMENT_SIZE);
    EapTlsTestServer server = new EapTlsTestServer(GATEWAY, List.of(GATEWAY.certificate()), CA,
        EapTls.DEFAULT_FRAGMENT_SIZE);
    EapClient.Step done = run(new EapClient("carol", tls), server);
    assertThat(((EapClient.Succeeded) done).msk().orElseThrow()).isEqualTo(server.msk());
  }

  @Test
  void rejectsServerCertificateFromAnotherCa() throws Exception {
    Issued otherCa = TestPki.ca("Other Root", KeyKind.EC_P256);
    EapTls tls = method(TrustAnchors.of(List.of(otherCa.certificate())), "vpn.example.test",
        1024);
    EapTlsTestServer server = new EapTlsTestServer(GATEWAY, List.of(GATEWAY.certificate()), CA,
        1024);
    assertThatThrownBy(() -> run(new EapClient("carol", tls), server))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessageContaining("EAP-TLS certificate was not accepted")
        .satisfies(e -> {
          EapAuthenticationException a = (EapAuthenticationException) e;
          assertThat(a.reason()).isEqualTo(Reason.SERVER_CERTIFICATE_REJECTED);
          assertThat(((GatewayAuthException) a.getCause()).reason())
              .isEqualTo(GatewayAuthException.Reason.UNKNOWN_CA);
        });
    assertThat(tls.isComplete()).isFalse();
  }

  @Test
  void rejectsServerCertificateThatDoesNotNameTheHost() throws Exception {
    EapTls tls = method(TrustAnchors.of(List.of(CA.certificate())), "other.example.test",
        1024);
    EapTlsTestServer server = new EapTlsTestServer(GATEWAY, List.of(GATEWAY.certificate()), CA,
        1024);
    assertThatThrownBy(() -> run(new EapClient("carol", tls), server))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessageContaining("names vpn.example.test, 192.0.2.1")
        .extracting(e -> ((EapAuthenticationException) e).reason())
        .isEqualTo(Reason.SERVER_CERTIFICATE_REJECTED);
  }

  @Test
  void refusesTlsDataBeforeStart() throws Exception {
    EapTls tls = method(TrustAnchors.of(List.of(CA.certificate())), "vpn.example.test", 1024);
    assertThatThrownBy(() -> tls.process(1, new byte[] {0, 1, 2}))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("before the Start");
  }

  /** Canned requests. */
  private static final class HexRequests {
    static final byte[] IDENTITY = java.util.HexFormat.of().parseHex("0100000501");
  }
}
