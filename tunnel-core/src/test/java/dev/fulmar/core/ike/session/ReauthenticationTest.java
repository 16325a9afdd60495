package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.ConfigAttributeType;
import dev.fulmar.core.ike.message.ConfigPayload;
import dev.fulmar.core.ike.message.IkeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Re-authentication when the gateway demands it (AUTH_LIFETIME, RFC 4478): before the lifetime
 * runs out, a new IKE SA is set up with a full IKE_SA_INIT and IKE_AUTH beside the old one, its
 * CHILD SA replaces the old one in the data path, then the old IKE SA is deleted.
 */
class ReauthenticationTest {
  private final ExchangeHarness h = new ExchangeHarness();
  private final SaTable table = new SaTable();

  @Test
  void reauthenticatesAMinuteBeforeTheAuthLifetimeRunsOut() throws Exception {
    h.params.dpd(Duration.ZERO).saInstaller(table);
    h.gateway.authLifetime = 900;
    h.connect();
    h.runAll();
    SessionInfo first = h.info();
    ChildSaInfo oldChild = first.child();
    int requestsBefore = h.gatewayReceived().size();
    assertThat(h.loop.pendingTimers()).contains(Duration.ofSeconds(840));

    h.loop.advance(Duration.ofSeconds(839));
    assertThat(h.network.inFlight()).isEmpty();
    h.loop.advance(Duration.ofSeconds(1));
    // IKE_SA_INIT, IKE_AUTH (EAP) ... on a new IKE SA, then INFORMATIONAL { D(IKE) } on the old
    h.runAll();

    assertThat(h.events.reauthenticated).hasSize(1);
    SessionInfo next = h.events.reauthenticated.get(0);
    assertThat(next.ikeSpiInitiator()).isNotEqualTo(first.ikeSpiInitiator())
        .isEqualTo(h.responder.sa().spiI);
    assertThat(h.responder.previousSa().deleted).as("old IKE SA deleted").isTrue();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.passwordRequests.get()).as("EAP ran again").isEqualTo(2);
    // The new IKE_AUTH asked for the virtual address we had.
    IkeMessage auth = h.gatewayReceived().get(requestsBefore);
    InetAddress asked = auth.first(ConfigPayload.class).orElseThrow().attributes().stream()
        .filter(a -> a.type().equals(ConfigAttributeType.INTERNAL_IP4_ADDRESS))
        .findFirst().orElseThrow().address();
    assertThat(asked).isEqualTo(first.virtualAddresses().get(0));
    // make-before-break: the new CHILD SA replaced the old one
    long newChild = h.responder.sa().childOutboundSpi;
    assertThat(table.inbound((int) oldChild.inboundSpi())).isNull();
    assertThat(table.inbound((int) newChild)).isNotNull();
    assertThat(table.installed()).hasSize(2);
    // and the next re-authentication is due again
    assertThat(h.loop.pendingTimers()).contains(Duration.ofSeconds(840));
    assertThat(h.network.inFlight()).isEmpty();
    assertThat(List.of(h.session.state())).containsExactly(SessionState.ESTABLISHED);
  }
}
