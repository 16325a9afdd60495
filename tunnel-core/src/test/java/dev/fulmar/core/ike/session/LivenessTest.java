package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.IkeMessage;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead-peer detection (RFC 7296 §2.4) on the established session. */
class LivenessTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @BeforeEach
  void establish() {
    h.params.dpd(Duration.ZERO);
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void checkLivenessSendsAnEmptyInformationalThatTheGatewayAnswers() {
    int before = h.gatewayReceived().size();
    h.session.checkLiveness();
    // INFORMATIONAL { } -->
    h.toGateway();
    // <-- INFORMATIONAL { }
    h.toClient();

    IkeMessage check = h.gatewayReceived().get(before);
    assertThat(check.payloads()).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.network.inFlight()).isEmpty();
  }

  @Test
  void withoutMobikeAnAddressChangeDeletesOnceAndFailsRetryably() throws Exception {
    java.util.concurrent.CompletableFuture<Boolean> moved =
        h.session.localAddressChanged(java.net.InetAddress.getByName("198.51.100.20"));

    // INFORMATIONAL { D(IKE) } -->   (once, not retransmitted)
    assertThat(moved).isCompletedWithValue(false);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.NETWORK_CHANGED);
    assertThat(h.events.failure.retryable()).isTrue();
    h.toGateway();
    assertThat(h.responder.sa().deleted).isTrue();
    assertThat(h.loop.pendingTimers()).isEmpty();
  }

  @Test
  void aGatewayThatStopsAnsweringEndsTheSessionAsRetryablyUnreachable() {
    h.session.checkLiveness();
    for (int i = 0; i < 7; i++) {
      // INFORMATIONAL { } -->  (lost)
      assertThat(h.network.dropNext()).as("transmission %d", i + 1).isNotNull();
      h.loop.runTimers(Duration.ofSeconds(17));
    }

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PEER_UNREACHABLE);
    assertThat(h.events.failure.step()).isEqualTo(FailureStep.LIVENESS);
    assertThat(h.events.failure.retryable()).isTrue();
    assertThat(h.events.failure.details()).containsEntry("exchange", "INFORMATIONAL");
  }

  /** After a resume the helper hurries the check: no answer within 8 s ends the session. */
  @Test
  void aHurriedCheckGivesUpAfterItsOwnTimeNotTheRetransmissionPolicy() {
    h.session.answerNextCheckWithin(Duration.ofSeconds(8));
    h.session.checkLiveness();
    Duration waited = Duration.ZERO;
    while (h.session.state() == SessionState.ESTABLISHED && waited.toSeconds() < 120) {
      // INFORMATIONAL { } -->  (lost)
      while (h.network.dropNext() != null) {
        // every transmission is lost
      }
      h.loop.advance(Duration.ofMillis(500));
      waited = waited.plusMillis(500);
    }

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PEER_UNREACHABLE);
    assertThat(waited).isBetween(Duration.ofSeconds(8), Duration.ofMillis(8500));
  }

  /** The hurry is for one check: the next one waits as long as usual again. */
  @Test
  void onlyTheNextCheckIsHurried() {
    h.session.answerNextCheckWithin(Duration.ofSeconds(8));
    h.session.checkLiveness();
    // INFORMATIONAL { } -->   <-- INFORMATIONAL { }
    h.toGateway();
    h.toClient();

    h.session.checkLiveness();
    Duration waited = Duration.ZERO;
    while (h.session.state() == SessionState.ESTABLISHED && waited.toSeconds() < 120) {
      while (h.network.dropNext() != null) {
        // every transmission is lost
      }
      h.loop.advance(Duration.ofMillis(500));
      waited = waited.plusMillis(500);
    }
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(waited).as("the retransmission policy's give-up, DPD being off")
        .isGreaterThan(Duration.ofSeconds(30));
  }

  @Test
  void refusesANonPositiveWait() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> h.session.answerNextCheckWithin(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
