package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our IKE SA rekey falls due while the gateway's rekey of the IKE SA waits for IKE_FOLLOWUP_KE
 * (RFC 9370 §2.2.4): ours does not start then (it would cross a rekey that is already decided on
 * the gateway's side) but is looked at again shortly; when the gateway gives its rekey up, ours
 * still happens.
 */
class IkeRekeyPostponedTest {
  private static final Duration IKE_REKEY = Duration.ofMinutes(30);
  /** RetransmissionPolicy.defaults(): give up after 60 s. */
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void ourIkeRekeyWaitsWhileTheGatewaysWaitsForFollowupsAndHappensOnceThatIsGivenUp() {
    h.params.dpd(Duration.ZERO)
        .ikeProposals(FollowupIkeRekeyRequests.OUR_PROPOSALS)
        .childLifetime(SaLifetime.of(Duration.ofHours(100)))
        .ikeLifetime(new SaLifetime(IKE_REKEY, Duration.ZERO, IKE_REKEY.plusMinutes(5)));
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);

    // <-- CREATE_CHILD_SA {SA(KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519)} shortly before ours
    h.loop.advance(IKE_REKEY.minusSeconds(5));
    h.responder.sendRequest(ExchangeType.CREATE_CHILD_SA,
        FollowupIkeRekeyRequests.create(new byte[32]));
    h.toClient();
    // {SA, Nr, KEr(x25519), N(ADDITIONAL_KEY_EXCHANGE)(link)} -->
    h.toGateway();
    assertThat(lastAnswer().notify(NotifyType.ADDITIONAL_KEY_EXCHANGE)).isPresent();
    int sent = h.gatewayReceived().size();

    // Ours falls due (and is looked at again) while the gateway's waits: no request leaves.
    h.loop.advance(GIVE_UP.minusSeconds(10));
    assertThat(h.network.inFlight()).isEmpty();
    assertThat(h.gatewayReceived()).hasSize(sent);

    // The gateway's followup never came; it is given up, and our rekey starts at the next look.
    h.loop.advance(Duration.ofSeconds(25));
    h.toGateway();
    IkeMessage ours = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    assertThat(h.gatewayReceived()).hasSize(sent + 1);
    assertThat(ours.header().exchangeType()).isEqualTo(ExchangeType.CREATE_CHILD_SA);
    assertThat(ours.first(SaPayload.class).orElseThrow().proposals().get(0).protocol())
        .isEqualTo(ProtocolId.IKE);
    assertThat(ours.header().initiatorSpi()).isEqualTo(h.info().ikeSpiInitiator());
    assertThat(h.events.ikeRekeys).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  private IkeMessage lastAnswer() {
    List<IkeMessage> answers = h.responder.answers();
    return answers.get(answers.size() - 1);
  }
}
