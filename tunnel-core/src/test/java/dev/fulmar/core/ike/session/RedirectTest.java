package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.RedirectData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redirect during connect (RFC 5685): a REDIRECT in the IKE_SA_INIT response makes the session
 * start over with the named gateway and say where it comes from (REDIRECTED_FROM); a gateway
 * that keeps redirecting ends the session with REDIRECT_LOOP after the configured limit.
 */
class RedirectTest {
  private final ExchangeHarness h = new ExchangeHarness();

  private List<IkeMessage> initRequests() {
    return h.sentByClient().stream().map(InMemoryNetwork.Datagram::data)
        .filter(d -> d.length > 17 && d[18] == 34) // exchange type IKE_SA_INIT
        .map(d -> {
          try {
            return IkeMessage.decode(d);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }).toList();
  }

  @Test
  void followsARedirectAndTellsTheNewGatewayWhereItCameFrom() throws Exception {
    h.gateway.redirects = 1;
    h.connect();
    // IKE_SA_INIT { N(REDIRECT_SUPPORTED), ... } -->  <-- { N(REDIRECT(192.0.2.1, Ni)) }
    // IKE_SA_INIT { N(REDIRECTED_FROM(192.0.2.1)), ... } -->  ... established
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    List<IkeMessage> inits = initRequests();
    assertThat(inits).hasSize(2);
    assertThat(inits.get(0).notify(NotifyType.REDIRECT_SUPPORTED)).isPresent();
    assertThat(inits.get(1).notify(NotifyType.REDIRECT_SUPPORTED)).isEmpty();
    assertThat(RedirectData.decode(inits.get(1).notify(NotifyType.REDIRECTED_FROM)
        .orElseThrow().data()).gateway()).isEqualTo("192.0.2.1");
    assertThat(h.events.redirects).containsExactly("192.0.2.1");
  }

  @Test
  void aGatewayThatKeepsRedirectingEndsTheSessionWithRedirectLoop() {
    h.params.redirect(true, 3);
    h.gateway.redirects = 100;
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.REDIRECT_LOOP);
    assertThat(h.events.failure.details()).containsEntry("count", "4");
    assertThat(initRequests()).as("the first attempt and three redirects").hasSize(4);
    assertThat(h.events.redirects).hasSize(3);
    assertThat(h.loop.pendingTimers()).isEmpty();
  }

  @Test
  void announcesSupportAgainWhenIkeSaInitIsRetriedWithACookie() {
    h.gateway.cookies = true;
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(initRequests()).hasSize(2)
        .allMatch(m -> m.notify(NotifyType.REDIRECT_SUPPORTED).isPresent());
  }

  @Test
  void withRedirectsOffTheSessionDoesNotAnnounceSupport() {
    h.params.redirect(false, 0);
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(initRequests().get(0).notify(NotifyType.REDIRECT_SUPPORTED)).isEmpty();
  }
}
