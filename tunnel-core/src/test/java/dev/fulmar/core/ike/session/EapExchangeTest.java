package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.EapPayload;
import dev.fulmar.core.ike.message.IkeMessage;
import org.junit.jupiter.api.Test;

class EapExchangeTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void connectsWithEapMschapv2AndReportsWhatWasNegotiated() {
    h.connect();

    // IKE_SA_INIT { SAi1, KEi, Ni, N(NAT_DETECTION_*), N(FRAGMENTATION_SUPPORTED) } -->
    h.toGateway();
    assertThat(h.session.state()).isEqualTo(SessionState.CONNECTING);
    // <-- IKE_SA_INIT { SAr1, KEr, Nr, N(NAT_DETECTION_*), CERTREQ }
    h.toClient();
    // IKE_AUTH { IDi, CERTREQ, CP(CFG_REQUEST), SAi2, TSi, TSr } -->   (no AUTH: EAP)
    h.toGateway();
    IkeMessage first = h.gatewayReceived().get(0);
    assertThat(first.first(AuthPayload.class)).isEmpty();
    assertThat(first.first(EapPayload.class)).isEmpty();
    assertThat(h.passwordRequests).hasValue(0);
    assertThat(h.session.state()).isEqualTo(SessionState.AUTHENTICATING);
    // <-- IKE_AUTH { IDr, CERT, AUTH, EAP(Identity) }: the gateway is verified here
    h.toClient();
    assertThat(h.passwordRequests).hasValue(1);
    // IKE_AUTH { EAP(Identity) } -->  <-- { EAP(MSCHAPv2 Challenge) }
    // IKE_AUTH { EAP(Response) } -->  <-- { EAP(MSCHAPv2 Success) }
    // IKE_AUTH { EAP(Success ack) } --> <-- { EAP-Success }
    // IKE_AUTH { AUTH } -->  <-- { AUTH, CP(CFG_REPLY), SAr2, TSi, TSr }
    h.runAll();

    SessionInfo info = h.info();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(info.ikeAlgorithms()).isEqualTo("aes256gcm16-prfsha384-curve25519");
    assertThat(info.keyExchanges()).containsExactly(Algorithm.CURVE25519);
    assertThat(info.child().algorithms()).isEqualTo("aes256gcm16");
    assertThat(info.virtualAddresses()).extracting(a -> a.getHostAddress())
        .containsExactly("10.10.0.2");
    assertThat(info.dnsServers()).extracting(a -> a.getHostAddress())
        .containsExactly("10.200.0.53");
    assertThat(info.dnsDomains()).containsExactly("corp.example.test");
    assertThat(info.splitSubnets()).hasToString("[10.200.0.0/24]");
    assertThat(info.child().localSelectors()).hasToString("[10.10.0.2/32]");
    assertThat(info.child().remoteSelectors()).hasToString("[10.200.0.0/24]");
    assertThat(info.remoteIdentity()).hasToString("vpn.example.test");
    assertThat(info.localIdentity()).hasToString("alice");
    assertThat(info.natDetection().udpEncapsulation()).isFalse();
    assertThat(info.fragmentation()).isTrue();
    assertThat(info.exchanges()).extracting(t -> t.exchange())
        .containsExactly("IKE_SA_INIT", "IKE_AUTH", "IKE_AUTH", "IKE_AUTH", "IKE_AUTH",
            "IKE_AUTH");
    assertThat(h.events.states).containsExactly(SessionState.CONNECTING,
        SessionState.AUTHENTICATING, SessionState.ESTABLISHED);
    assertThat(h.responder.sa().established).isTrue();
  }
}
