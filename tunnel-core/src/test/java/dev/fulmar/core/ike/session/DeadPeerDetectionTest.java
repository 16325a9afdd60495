package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dead-peer detection on a timer (RFC 7296 §2.4): after a DPD interval in which neither an IKE
 * message nor inbound ESP traffic came from the gateway, an empty INFORMATIONAL; the injected
 * clock moves time.
 */
class DeadPeerDetectionTest {
  private static final Duration DPD = Duration.ofSeconds(10);
  private final ExchangeHarness h = new ExchangeHarness();
  private final AtomicLong espPackets = new AtomicLong();

  @BeforeEach
  void establish() {
    h.params.dpd(DPD).inboundActivity(espPackets::get);
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void checksLivenessAfterAQuietInterval() {
    int before = h.gatewayReceived().size();
    h.loop.advance(DPD);
    // INFORMATIONAL { } -->  <-- { }
    h.toGateway();
    h.toClient();

    assertThat(h.gatewayReceived()).hasSize(before + 1);
    assertThat(h.gatewayReceived().get(before).payloads()).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void inboundEspTrafficIsProofOfLife() {
    h.loop.advance(DPD.dividedBy(2));
    espPackets.incrementAndGet();
    h.loop.advance(DPD.dividedBy(2));

    assertThat(h.network.inFlight()).isEmpty();
  }

  @Test
  void theCheckGoesOutAboutOneIntervalAfterTheLastSignOfLife() {
    h.loop.advance(Duration.ofSeconds(3));
    espPackets.incrementAndGet(); // last traffic at 3 s, seen by the sample at 4 s
    h.loop.advance(Duration.ofSeconds(9)); // 12 s: 8 s of quiet

    assertThat(h.network.inFlight()).isEmpty();
    h.loop.advance(Duration.ofSeconds(2)); // 14 s: one interval after the sample that saw it
    assertThat(h.network.inFlight()).hasSize(1);
  }

  @Test
  void aGatewayRequestIsProofOfLife() {
    h.loop.advance(DPD.dividedBy(2));
    h.responder.sendInformational(List.of());
    h.toClient();
    h.toGateway();
    h.loop.advance(DPD.dividedBy(2));

    assertThat(h.network.inFlight()).isEmpty();
  }

  @Test
  void aGatewayThatStopsAnsweringFailsRetryablyAsUnreachableWithinTheDpdInterval() {
    h.loop.advance(DPD);
    // INFORMATIONAL { } -->  (lost) at 0, 1, 3 and 7 s; given up at 10 s, one DPD interval later
    for (int i = 0; i < 3; i++) {
      assertThat(h.network.dropNext()).as("transmission %d", i + 1).isNotNull();
      h.loop.advance(Duration.ofSeconds(1L << i));
    }
    assertThat(h.network.dropNext()).as("transmission 4").isNotNull();
    h.loop.advance(Duration.ofSeconds(2));
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    h.loop.advance(Duration.ofSeconds(1));
    assertThat(h.network.inFlight()).isEmpty();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PEER_UNREACHABLE);
    assertThat(h.events.failure.step()).isEqualTo(FailureStep.LIVENESS);
    assertThat(h.events.failure.retryable()).isTrue();
    assertThat(h.loop.pendingTimers()).isEmpty();
  }
}
