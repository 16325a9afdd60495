package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.ProtocolId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayRequestsTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @BeforeEach
  void establish() {
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void answersALivenessCheckWithAnEmptyInformational() {
    // <-- INFORMATIONAL { }
    h.responder.sendInformational(List.of());
    h.toClient();
    // INFORMATIONAL { } -->
    h.toGateway();

    assertThat(h.responder.answers()).hasSize(1);
    assertThat(h.responder.answers().get(0).payloads()).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void answersARetransmittedLivenessCheckWithTheSameResponse() {
    h.responder.sendInformational(List.of());
    InMemoryNetwork.Datagram request = h.network.inFlight().get(0);
    h.toClient();
    InMemoryNetwork.Datagram answer = h.network.inFlight().get(0);
    h.toGateway();
    // The gateway did not see our answer and sends the request again.
    h.network.sendFrom(request.from(), request.to(), request.data());
    h.toClient();

    assertThat(h.network.inFlight()).hasSize(1);
    assertThat(h.network.inFlight().get(0).data()).isEqualTo(answer.data());
  }

  @Test
  void closesWhenTheGatewayDeletesTheIkeSa() {
    // <-- INFORMATIONAL { D(IKE) }
    h.responder.sendInformational(List.of(DeletePayload.ikeSa()));
    h.toClient();
    // INFORMATIONAL { } -->
    h.toGateway();

    assertThat(h.responder.answers().get(0).payloads()).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(h.events.closedByGateway).isTrue();
    assertThat(h.loop.pendingTimers()).isEmpty();
  }

  @Test
  void answersAChildDeleteWithOurSpiAndThenDeletesTheIkeSa() {
    long gatewaySpi = h.info().child().outboundSpi();
    // <-- INFORMATIONAL { D(ESP, gateway's SPI) }
    h.responder.sendInformational(List.of(DeletePayload.childSas(ProtocolId.ESP,
        (int) gatewaySpi)));
    h.toClient();
    // INFORMATIONAL { D(ESP, our SPI) } -->
    // INFORMATIONAL { D(IKE) } -->   (no CHILD SA left: the tunnel is gone)
    h.runAll();

    IkeMessage answer = h.responder.answers().get(0);
    DeletePayload d = answer.first(DeletePayload.class).orElseThrow();
    assertThat(d.spis()).containsExactly(h.info().child().inboundSpi());
    IkeMessage ourDelete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    assertThat(ourDelete.first(DeletePayload.class).orElseThrow().protocol())
        .isEqualTo(ProtocolId.IKE);
    assertThat(h.session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(h.events.closedByGateway).isTrue();
  }

  @Test
  void closeDeletesTheIkeSaAndWaitsForTheAnswer() {
    h.session.close();
    // INFORMATIONAL { D(IKE) } -->
    h.toGateway();
    assertThat(h.session.state()).isEqualTo(SessionState.CLOSING);
    // <-- INFORMATIONAL { }
    h.toClient();

    assertThat(h.session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(h.events.closedByGateway).isFalse();
    assertThat(h.responder.sa().deleted).isTrue();
    assertThat(h.session.close()).isCompletedWithValue(true);
  }

  @Test
  void closeStillEndsWhenTheGatewayNeverAnswersTheDelete() {
    h.session.close();
    for (int i = 0; i < 7; i++) {
      h.network.dropNext();
      h.loop.runTimers(Duration.ofSeconds(17));
    }

    assertThat(h.session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(h.session.close()).isCompletedWithValue(false);
  }
}
