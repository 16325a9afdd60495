package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetransmissionTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void resendsALostRequestAfterTheFirstTimeout() {
    h.connect();

    // IKE_SA_INIT -->  (lost)
    h.network.dropNext();
    h.loop.advance(Duration.ofMillis(999));
    assertThat(h.network.inFlight()).isEmpty();
    h.loop.advance(Duration.ofMillis(1));
    // IKE_SA_INIT -->  (the same bytes again)
    assertThat(h.network.inFlight()).hasSize(1);
    assertThat(h.sentByClient().get(1).data()).isEqualTo(h.sentByClient().get(0).data());
    h.runAll();

    assertThat(h.info().exchanges().get(0).retransmissions()).isEqualTo(1);
    assertThat(h.info().exchanges().get(0).roundTrip()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void resendsEveryFragmentOfALostFragmentedRequest() throws Exception {
    h.gateway.clientAuth = dev.fulmar.core.ike.ResponderConfig.ClientAuth.CERTIFICATE;
    h.params.auth(ExchangeHarness.certificate(dev.fulmar.core.ike.Pki.CLIENT_RSA))
        .fragmentation(true, 576);
    h.connect();
    h.toGateway();
    h.toClient();
    int fragments = h.network.inFlight().size();
    for (int i = 0; i < fragments; i++) {
      h.network.dropNext();
    }
    h.loop.advance(Duration.ofSeconds(1));

    assertThat(h.network.inFlight()).hasSize(fragments);
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void givesUpAfterTheGiveUpTimeAndSaysWhichExchangeWentUnanswered() {
    h.connect();
    for (int i = 0; i < 7; i++) {
      InMemoryNetwork.Datagram lost = h.network.dropNext();
      assertThat(lost).as("transmission %d", i + 1).isNotNull();
      h.loop.runTimers(Duration.ofSeconds(17));
    }

    assertThat(h.loop.elapsed()).isEqualTo(Duration.ofSeconds(60));
    assertThat(h.sentByClient()).hasSize(7);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.step()).isEqualTo(FailureStep.IKE_SA_INIT);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_UNREACHABLE);
    assertThat(h.events.failure.details()).containsEntry("attempts", "7")
        .containsEntry("seconds", "60").containsEntry("exchange", "IKE_SA_INIT");
    assertThat(h.loop.pendingTimers()).isEmpty();
    assertThat(h.loop.isShutdown()).isTrue();
  }

  @Test
  void aRetransmittedResponseIsIgnored() {
    h.connect();
    h.toGateway();
    // The gateway's IKE_SA_INIT response arrives twice.
    InMemoryNetwork.Datagram response = h.network.inFlight().get(0);
    h.toClient();
    h.network.sendFrom(response.from(), response.to(), response.data());
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.info().exchanges()).hasSize(6);
  }

  @Test
  void aLostResponseIsRecoveredByTheGatewayResendingItsCachedAnswer() {
    h.connect();
    h.toGateway();
    h.toClient();
    // IKE_AUTH -->   <-- IKE_AUTH response lost
    h.toGateway();
    h.network.dropNext();
    h.loop.advance(Duration.ofSeconds(1));
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.info().exchanges().get(1).retransmissions()).isEqualTo(1);
  }
}
