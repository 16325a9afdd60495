package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our IKE SA rekey crosses the gateway's, which needs an IKE_FOLLOWUP_KE round (RFC 7296 §2.8.1,
 * RFC 9370: the CREATE_CHILD_SA nonces decide; unfinished followup rounds do not matter). The
 * gateway's nonce as initiator and as responder are fixed (all zero or all 0xff), so the outcome
 * is known whatever our random nonces are. The whole session takes part: the lanes, the request
 * routing with its followup wait, the timers.
 */
class IkeRekeyFollowupCollisionTest {
  private static final Duration IKE_REKEY = Duration.ofMinutes(30);
  /** RetransmissionPolicy.defaults(): give up after 60 s. */
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final byte[] LOW = new byte[32];
  private static final byte[] HIGH = new byte[32];
  private final ExchangeHarness h = new ExchangeHarness();
  private byte[] link;

  static {
    Arrays.fill(HIGH, (byte) 0xff);
  }

  /**
   * Our CREATE_CHILD_SA is held back while we answer the gateway's (with a link: a followup is
   * due); returns ours.
   */
  private InMemoryNetwork.Datagram cross(byte[] gatewayNonce) {
    h.params.dpd(Duration.ZERO).ikeProposals(FollowupIkeRekeyRequests.OUR_PROPOSALS)
        .childLifetime(SaLifetime.of(Duration.ofHours(100)))
        .ikeLifetime(new SaLifetime(IKE_REKEY, Duration.ZERO, IKE_REKEY.plusMinutes(5)));
    h.connect();
    h.runAll();
    h.loop.advance(IKE_REKEY);
    InMemoryNetwork.Datagram ours = h.network.dropNext();
    h.responder.sendRequest(ExchangeType.CREATE_CHILD_SA,
        FollowupIkeRekeyRequests.create(gatewayNonce));
    h.toClient();
    h.toGateway();
    link = lastAnswer().notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    return ours;
  }

  /** The gateway answers our held CREATE_CHILD_SA; returns the SPIi of our new IKE SA. */
  private long gatewayAnswers(InMemoryNetwork.Datagram ours) {
    h.network.sendFrom(ours.from(), ours.to(), ours.data());
    h.toGateway();
    long ourNewSpi = h.responder.sa().spiI;
    h.toClient();
    return ourNewSpi;
  }

  @Test
  void ourResponseFirstAndOursWinsTheGatewaysUnfinishedRekeyIsNeverInstalled() {
    // The gateway's exchange has nonce 00..00: it loses against any of ours.
    InMemoryNetwork.Datagram ours = cross(LOW);
    long oldSpi = h.info().ikeSpiInitiator();
    h.responder.fixRekeyNonces(HIGH, HIGH);
    long ourNewSpi = gatewayAnswers(ours);

    // INFORMATIONAL {D(IKE)} on the old SA -->  <-- {}
    h.toGateway();
    IkeMessage delete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    h.toClient();
    ExchangeHarness.assertDeletesIkeSa(delete, oldSpi);
    assertThat(h.events.ikeRekeys).containsExactly(ourNewSpi);

    // The gateway's followup never comes; when the wait for it ends, nothing else is installed.
    h.loop.advance(GIVE_UP.plusSeconds(1));
    assertThat(h.events.ikeRekeys).containsExactly(ourNewSpi);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    // Our new SA carries our requests: a liveness check on it is answered.
    h.assertRequestsFlowOn(ourNewSpi);
  }

  @Test
  void gatewaysFollowupFirstAndOursLosesTheGatewaysSaBecomesCurrentAndOursIsDeleted() {
    // The gateway's exchange has nonces ff..ff and ours; ours has 00..00 (the gateway's answer).
    InMemoryNetwork.Datagram ours = cross(HIGH);
    h.responder.fixRekeyNonces(HIGH, LOW);
    // <-- IKE_FOLLOWUP_KE {N(link), KEi(mlkem768)}   {KEr(mlkem768)} -->
    h.responder.sendRequest(ExchangeType.IKE_FOLLOWUP_KE,
        FollowupIkeRekeyRequests.followup(link));
    h.toClient();
    h.toGateway();
    assertThat(lastAnswer().notify(NotifyType.ADDITIONAL_KEY_EXCHANGE)).isEmpty();
    assertThat(h.events.ikeRekeys).as("kept aside until ours is decided").isEmpty();

    long ourNewSpi = gatewayAnswers(ours);
    h.runAll();
    assertOursDeletedAndTheGatewaysCurrent(ourNewSpi);
  }

  @Test
  void ourResponseFirstAndOursLosesTheGatewaysSaBecomesCurrentOnceItsFollowupIsDone() {
    InMemoryNetwork.Datagram ours = cross(HIGH);
    h.responder.fixRekeyNonces(HIGH, LOW);
    // The gateway's followup is sent on the old SA before it answers ours, but arrives after.
    h.responder.sendRequest(ExchangeType.IKE_FOLLOWUP_KE,
        FollowupIkeRekeyRequests.followup(link));
    // (ML-KEM-768's 1184-octet share makes it two fragments, RFC 7383)
    List<InMemoryNetwork.Datagram> followup = new ArrayList<>();
    while (!h.network.inFlight().isEmpty()) {
      followup.add(h.network.dropNext());
    }
    long ourNewSpi = gatewayAnswers(ours);
    assertThat(h.events.ikeRekeys).as("ours lost; the gateway's is not done yet").isEmpty();

    followup.forEach(d -> h.network.sendFrom(d.from(), d.to(), d.data()));
    h.runAll();
    assertOursDeletedAndTheGatewaysCurrent(ourNewSpi);
    assertThat(h.responder.answers().stream()
        .filter(m -> m.header().exchangeType().equals(ExchangeType.IKE_FOLLOWUP_KE))
        .reduce((a, b) -> b).orElseThrow().notify(NotifyType.ADDITIONAL_KEY_EXCHANGE))
        .isEmpty();
  }

  /** We sent INFORMATIONAL {D(IKE)} on our redundant SA; the gateway's SA is current. */
  private void assertOursDeletedAndTheGatewaysCurrent(long ourNewSpi) {
    IkeMessage delete = h.gatewayReceived().stream()
        .filter(m -> m.header().exchangeType().equals(ExchangeType.INFORMATIONAL))
        .reduce((a, b) -> b).orElseThrow();
    ExchangeHarness.assertDeletesIkeSa(delete, ourNewSpi);
    assertThat(h.events.ikeRekeys).containsExactly(FollowupIkeRekeyRequests.GATEWAY_NEW_SPI);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  private IkeMessage lastAnswer() {
    List<IkeMessage> answers = h.responder.answers();
    return answers.get(answers.size() - 1);
  }
}
