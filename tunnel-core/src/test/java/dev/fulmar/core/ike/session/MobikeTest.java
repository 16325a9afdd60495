package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * MOBIKE (RFC 4555): announced in IKE_AUTH; when both sides support it, a change of our address
 * moves the SAs with UPDATE_SA_ADDRESSES instead of ending the session.
 */
class MobikeTest {
  private final ExchangeHarness h = new ExchangeHarness();

  private void establish(boolean gatewayMobike) {
    h.params.dpd(Duration.ZERO);
    h.gateway.mobike = gatewayMobike;
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void announcesMobikeInIkeAuth() {
    establish(true);

    IkeMessage firstAuth = h.gatewayReceived().get(0);
    assertThat(firstAuth.notify(NotifyType.MOBIKE_SUPPORTED)).isPresent();
    assertThat(h.info().mobike()).as("agreed, as the session reports it").isTrue();
  }

  @Test
  void theSessionReportsMobikeOnlyWhenTheGatewayAnnouncedIt() {
    establish(false);

    assertThat(h.info().mobike()).isFalse();
  }

  @Test
  void anAddressChangeSendsUpdateSaAddressesWithReturnRoutabilityCheck() throws Exception {
    establish(true);
    int before = h.gatewayReceived().size();

    CompletableFuture<Boolean> moved =
        h.session.localAddressChanged(InetAddress.getByName("198.51.100.20"));
    // INFORMATIONAL { N(UPDATE_SA_ADDRESSES), N(NAT_D_S), N(NAT_D_D), N(COOKIE2) } -->
    h.toGateway();
    // <-- { N(COOKIE2) }
    h.toClient();

    IkeMessage update = h.gatewayReceived().get(before);
    assertThat(update.notify(NotifyType.UPDATE_SA_ADDRESSES)).isPresent();
    assertThat(update.notify(NotifyType.NAT_DETECTION_SOURCE_IP)).isPresent();
    assertThat(update.notify(NotifyType.NAT_DETECTION_DESTINATION_IP)).isPresent();
    assertThat(update.notify(NotifyType.COOKIE2).orElseThrow().data()).hasSize(16);
    assertThat(moved).isCompletedWithValue(true);
    assertThat(h.events.addressUpdates).isEqualTo(1);
    assertThat(h.responder.sa().addressUpdates).isEqualTo(1);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void anAnswerWithoutOurCookie2IsAProtocolErrorThatEndsTheSession() throws Exception {
    establish(true);
    h.gateway.echoCookie2 = false;

    CompletableFuture<Boolean> moved =
        h.session.localAddressChanged(InetAddress.getByName("198.51.100.20"));
    // UPDATE_SA_ADDRESSES -->  <-- { } (no COOKIE2)   INFORMATIONAL { D(IKE) } -->  <-- { }
    h.runAll();

    assertThat(moved).isCompletedWithValue(false);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(dev.fulmar.core.api.ErrorCode.PROTOCOL_ERROR);
    assertThat(h.events.failure.step()).isEqualTo(dev.fulmar.core.api.FailureStep.MOBIKE);
    assertThat(h.responder.sa().deleted).isTrue();
  }

  @Test
  void withoutTheGatewaysMobikeAnAddressChangeEndsTheSession() throws Exception {
    establish(false);

    CompletableFuture<Boolean> moved =
        h.session.localAddressChanged(InetAddress.getByName("198.51.100.20"));

    assertThat(moved).isCompletedWithValue(false);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.retryable()).isTrue();
  }

  @Test
  void anUnansweredAddressUpdateIsGivenUpAfterTheDpdIntervalLikeALivenessCheck() throws Exception {
    h.params.dpd(Duration.ofSeconds(10));
    h.gateway.mobike = true;
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);

    // After a resume: the gateway cleared the SAs while we slept and answers nothing.
    h.session.localAddressChanged(InetAddress.getByName("198.51.100.20"));
    Duration waited = Duration.ZERO;
    while (h.session.state() == SessionState.ESTABLISHED && waited.toSeconds() < 60) {
      // INFORMATIONAL { N(UPDATE_SA_ADDRESSES), N(NAT_D_S), N(NAT_D_D), N(COOKIE2) } --> (lost)
      while (h.network.dropNext() != null) {
        // every transmission is lost
      }
      h.loop.advance(Duration.ofMillis(500));
      waited = waited.plusMillis(500);
    }

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PEER_UNREACHABLE);
    assertThat(h.events.failure.retryable()).isTrue();
    assertThat(waited).as("the DPD interval, not the minute of other requests")
        .isLessThanOrEqualTo(Duration.ofSeconds(11));
  }
}
