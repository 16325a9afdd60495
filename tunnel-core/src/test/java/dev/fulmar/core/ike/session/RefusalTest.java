package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.Pki;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.EapPayload;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway fails to prove itself, or rejects us: the session fails with the step and a reason
 * that names the facts, and nothing secret (no EAP answer, no AUTH, no password prompt) leaves the
 * client before the gateway is authenticated.
 */
class RefusalTest {
  private final ExchangeHarness h = new ExchangeHarness();

  private void assertNothingSecretWasSent() {
    assertThat(h.passwordRequests).hasValue(0);
    for (IkeMessage m : h.gatewayReceived()) {
      assertThat(m.first(EapPayload.class)).as("EAP in %s", m.header()).isEmpty();
      assertThat(m.first(AuthPayload.class)).as("AUTH in %s", m.header()).isEmpty();
    }
  }

  @Test
  void refusesAGatewayCertificateFromAnUnknownCa() {
    h.gateway.gatewayChain = List.of(Pki.ROGUE_GATEWAY.certificate());
    h.gateway.gatewayKey = Pki.ROGUE_GATEWAY.privateKey();
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.step()).isEqualTo(FailureStep.IKE_AUTH);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_CERT_UNTRUSTED);
    assertThat(h.events.failure.reason()).contains("CN=vpn.example.test", "CN=Other CA");
    assertThat(h.events.failure.details().get("fingerprint")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertNothingSecretWasSent();
    // The gateway is told once that we abandon the SA, and to delete it.
    IkeMessage last = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    assertThat(last.notify(NotifyType.AUTHENTICATION_FAILED)).isPresent();
    assertThat(last.first(dev.fulmar.core.ike.message.DeletePayload.class)).isPresent();
    assertThat(h.responder.sa().deleted).isTrue();
  }

  @Test
  void refusesAGatewayWhoseCertificateNamesAnotherHost() {
    h.gateway.gatewayChain = List.of(Pki.OTHER_NAME_GATEWAY.certificate());
    h.gateway.gatewayKey = Pki.OTHER_NAME_GATEWAY.privateKey();
    h.gateway.gatewayId = IkeIdentity.fqdn("other.example.test");
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_IDENTITY_MISMATCH);
    assertThat(h.events.failure.reason()).isEqualTo(
        "the gateway's certificate names other.example.test, but the profile connects to"
            + " 192.0.2.1");
    assertThat(h.events.failure.fix()).contains("remote identity");
    assertNothingSecretWasSent();
  }

  @Test
  void refusesAGatewayThatIsNotTheRemoteIdentityOfTheProfile() {
    h.params.remoteIdentity(IkeIdentity.fqdn("vpn.elsewhere.test"));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_IDENTITY_MISMATCH);
    assertThat(h.events.failure.details().get("expected")).contains("vpn.elsewhere.test");
    assertNothingSecretWasSent();
  }

  @Test
  void refusesAGatewayCertificateThatIsNotPinned() throws Exception {
    byte[] otherPin = java.security.MessageDigest.getInstance("SHA-256").digest(
        Pki.OTHER_NAME_GATEWAY.certificate().getEncoded());
    h.params.gatewayCertificatePins(List.of(otherPin));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_CERT_INVALID);
    assertThat(h.events.failure.reason()).contains("none of the fingerprints the profile pins");
    assertNothingSecretWasSent();
  }

  @Test
  void acceptsAPinnedGatewayCertificate() throws Exception {
    byte[] pin = java.security.MessageDigest.getInstance("SHA-256").digest(
        Pki.GATEWAY.certificate().getEncoded());
    h.params.gatewayCertificatePins(List.of(pin));
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void reportsAWrongPasswordAsSuch() {
    h.params.auth(h.eap("alice", "wrong password"));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.step()).isEqualTo(FailureStep.IKE_AUTH);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.USER_AUTH_FAILED);
    assertThat(h.events.failure.reason()).isEqualTo(
        "the gateway rejected the user name or password");
    // The password was asked for once, after the gateway proved itself; no final AUTH was sent.
    assertThat(h.passwordRequests).hasValue(1);
    assertThat(h.gatewayReceived()).noneMatch(m -> m.first(AuthPayload.class).isPresent());
  }

  @Test
  void aCancelledPasswordPromptEndsTheSessionWithoutAnswering() {
    h.params.auth(new dev.fulmar.core.api.AuthConfig.Eap(
        java.util.Set.of(dev.fulmar.core.api.EapMethod.MSCHAPV2), "alice",
        request -> java.util.concurrent.CompletableFuture.failedFuture(
            new java.util.concurrent.CancellationException("user cancelled")), null));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.CREDENTIALS_MISSING);
    assertThat(h.gatewayReceived()).noneMatch(m -> m.first(EapPayload.class).isPresent());
  }

  @Test
  void waitsForAPasswordTypedLater() {
    java.util.concurrent.CompletableFuture<dev.fulmar.core.api.Secret> typed =
        new java.util.concurrent.CompletableFuture<>();
    h.params.auth(new dev.fulmar.core.api.AuthConfig.Eap(
        java.util.Set.of(dev.fulmar.core.api.EapMethod.MSCHAPV2), "alice",
        request -> typed, null));
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATING);
    assertThat(h.network.inFlight()).isEmpty();

    typed.complete(dev.fulmar.core.api.Secret.ofChars("correct horse".toCharArray()));
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }
}
