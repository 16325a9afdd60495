package dev.fulmar.core.ike.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.task.SessionHooks.IkeRekeyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two of our engines rekey the same IKE SA at once, both with x25519 + ML-KEM-768 so that each
 * rekey needs an IKE_FOLLOWUP_KE round after its CREATE_CHILD_SA (RFC 7296 §2.8.1, RFC 9370
 * §2.2.4). The CREATE_CHILD_SA requests cross; each side answers the other's, so each side's
 * responder waits for a followup when its own CREATE_CHILD_SA response arrives. The exchange with
 * the lowest of the four nonces loses, its initiator stops before IKE_FOLLOWUP_KE, and both sides
 * must end with the winner's new IKE SA as their only new one, with equal keys.
 *
 * <p>Every order is run: either side learns the outcome first, and the winner may complete its
 * followup before or after the loser's CREATE_CHILD_SA response arrives. The seeds of each case
 * were picked so that both outcomes occur for our side ("client"); each case asserts the outcome
 * it expects, so a change of the randomness cannot silently cover only one.
 */
class CrossingIkeRekeyFollowupTest {
  private RekeyRig client;

  /** One engine: its rig, its own rekey, and its answer to the other's rekey. */
  private static final class Engine {
    final RekeyRig rig;
    final boolean isClient;
    final IkeRekeyTask task;
    final IkeRekeyResponder responder;
    IkeMessage request;
    IkeMessage answer;

    Engine(RekeyRig rig, boolean isClient) {
      this.rig = rig;
      this.isClient = isClient;
      this.task = new IkeRekeyTask(rig.ctx);
      this.responder = new IkeRekeyResponder(rig.ctx);
    }

    /** The lower nonce of this engine's own CREATE_CHILD_SA exchange. */
    byte[] lowerNonce() {
      return Nonces.lower(request.first(NoncePayload.class).orElseThrow().nonce(),
          answer.first(NoncePayload.class).orElseThrow().nonce());
    }
  }

  static Stream<Arguments> orders() {
    // clientSeed, gatewaySeed, client decides first, client wins
    return Stream.of(
        Arguments.of(4, 13, true, false),
        Arguments.of(4, 13, false, false),
        Arguments.of(3, 14, true, true),
        Arguments.of(3, 14, false, true));
  }

  @ParameterizedTest(name = "client seed {0}, gateway seed {1}, client first {2}, client wins {3}")
  @MethodSource("orders")
  void crossingRekeysWithFollowupsEndWithTheWinnersSaOnBothSides(long clientSeed,
      long gatewaySeed, boolean clientFirst, boolean clientWins) throws Exception {
    client = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, false, clientSeed);
    Engine a = new Engine(client, true);
    Engine b = new Engine(new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, true,
        gatewaySeed), false);
    // Both CREATE_CHILD_SA {SA, Ni, KEi(x25519)} cross; each answers the other's with
    // {SA, Nr, KEr(x25519), N(ADDITIONAL_KEY_EXCHANGE)} and waits for its followup.
    cross(a, b, b);

    boolean aWins = Nonces.loses(b.lowerNonce(), a.lowerNonce());
    assertThat(aWins).as("the seeds give the outcome this case is about").isEqualTo(clientWins);
    Engine winner = aWins ? a : b;
    Engine loser = aWins ? b : a;
    Engine first = clientFirst ? a : b;
    Engine second = clientFirst ? b : a;
    decideAndFollowUp(first, first == winner, loser);
    decideAndFollowUp(second, second == winner, loser);
    boolean winnerFollowedUpFirst = first == winner;

    // The winner's new SA is the only one on either side, with the same SPIs and keys.
    assertThat(winner.rig.hooks.ikeOutcomes).containsExactly(IkeRekeyOutcome.CURRENT);
    assertThat(winner.rig.hooks.collisionsResolved).isEmpty();
    if (winnerFollowedUpFirst) {
      // The loser's responder completed before the loser knew: kept aside, then adopted.
      assertThat(loser.rig.hooks.ikeOutcomes).containsExactly(IkeRekeyOutcome.PENDING);
      assertThat(loser.rig.hooks.collisionsResolved).containsExactly(true);
    } else {
      // The loser knew it lost: the winner's SA became current when its last round was done.
      assertThat(loser.rig.hooks.ikeOutcomes).containsExactly(IkeRekeyOutcome.CURRENT);
      assertThat(loser.rig.hooks.collisionsResolved).isEmpty();
      assertThat(loser.rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    }
    IkeSa w = winner.rig.hooks.ikeRekeys.get(0).sa();
    IkeSa l = loser.rig.hooks.ikeRekeys.get(0).sa();
    assertThat(w.isInitiator()).isTrue();
    assertThat(l.isInitiator()).isFalse();
    assertThat(w.spiInitiator()).isEqualTo(l.spiInitiator());
    assertThat(w.spiResponder()).isEqualTo(l.spiResponder());
    IkeSaKeys wk = w.keys().material();
    IkeSaKeys lk = l.keys().material();
    assertThat(ExpectedKeys.concat(wk.skD(), wk.skEi(), wk.skEr(), wk.skPi(), wk.skPr()))
        .isEqualTo(ExpectedKeys.concat(lk.skD(), lk.skEi(), lk.skEr(), lk.skPi(), lk.skPr()));
    assertThat(winner.rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    // The loser never continued its own rekey: no followup, nothing derived, nothing retried.
    assertThat(loser.task.exchange()).isNull();
    assertThat(loser.rig.hooks.ikeRetries).isEmpty();
    assertThat(winner.rig.hooks.ikeRetries).isEmpty();

    // The winner deletes the old SA: INFORMATIONAL {D(IKE)} -->  <-- {}
    IkeMessage delete = request(winner, ExchangeType.INFORMATIONAL);
    InformationalResponderTask info = new InformationalResponderTask(loser.rig.ctx);
    info.process(delete);
    List<Payload> empty = new ArrayList<>();
    info.build(empty);
    assertThat(info.ikeSaDeleted()).isTrue();
    assertThat(winner.task.process(wire(loser, empty, ExchangeType.INFORMATIONAL)))
        .isEqualTo(Task.Status.DONE);

    // The winner's responder waited in vain for the loser's followup: given up, no mark stays.
    assertThat(winner.responder.waitingForFollowup()).isTrue();
    winner.responder.abandon();
    for (Engine e : List.of(a, b)) {
      assertThat(e.rig.sa.passiveRekeyInFollowup()).isFalse();
      assertThat(e.rig.sa.passiveRekeyVerdict()).isNull();
      assertThat(e.rig.sa.passiveRekeyLowerNonce()).isNull();
      assertThat(e.rig.sa.activeRekeyConcluding()).isFalse();
      assertThat(e.rig.hooks.ikeRekeys).hasSize(1);
    }
    assertThat(winner.rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    assertThat(winner.rig.hooks.ikeRetries).isEmpty();
  }

  @Test
  void whenTheGatewayGivesUpTheRekeyOursYieldedToOursIsTriedAgainLater() throws Exception {
    client = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, false, 4);
    Engine a = new Engine(client, true);
    Engine b = new Engine(new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, true, 13),
        false);
    cross(a, b, b);
    assertThat(Nonces.loses(a.lowerNonce(), b.lowerNonce())).isTrue();
    assertThat(a.task.process(a.answer)).isEqualTo(Task.Status.DONE);
    assertThat(a.rig.sa.passiveRekeyVerdict()).isEqualTo(IkeSa.PassiveRekeyVerdict.ADOPT);
    assertThat(a.rig.hooks.ikeRetries).isEmpty();

    // The gateway's IKE_FOLLOWUP_KE never comes: its rekey is given up, nothing was installed.
    a.responder.abandon();
    assertThat(a.rig.sa.state()).isEqualTo(IkeSa.State.ESTABLISHED);
    assertThat(a.rig.hooks.ikeRetries).containsExactly(ChildRekeyTask.RETRY_AFTER);
    assertThat(a.rig.hooks.ikeRekeys).isEmpty();
    assertThat(a.rig.hooks.collisionsResolved).isEmpty();
    assertThat(a.rig.sa.passiveRekeyInFollowup()).isFalse();
    assertThat(a.rig.sa.passiveRekeyVerdict()).isNull();
    assertThat(a.rig.sa.passiveRekeyLowerNonce()).isNull();
  }

  /**
   * A gateway that ignores the collision and completes its losing rekey anyway: its new SA is
   * kept aside (to answer the Delete the gateway owes), never made current; ours stays current.
   */
  @Test
  void aLosingGatewayRekeyCompletedAnywayIsKeptOnlyToAnswerItsDelete() throws Exception {
    client = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, false, 3);
    Engine a = new Engine(client, true);
    Engine responderSide = new Engine(
        new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, true, 14), false);
    Engine oblivious = new Engine(
        new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, true, 14), false);
    cross(a, oblivious, responderSide);
    assertThat(Nonces.loses(oblivious.lowerNonce(), a.lowerNonce())).isTrue();
    decideAndFollowUp(a, true, responderSide);
    assertThat(a.rig.hooks.ikeOutcomes).containsExactly(IkeRekeyOutcome.CURRENT);
    assertThat(a.rig.sa.passiveRekeyVerdict()).isEqualTo(IkeSa.PassiveRekeyVerdict.DISCARD);

    // The gateway's side never saw our request, so it goes on with its IKE_FOLLOWUP_KE.
    decideAndFollowUp(oblivious, true, a);
    assertThat(a.rig.hooks.ikeOutcomes).containsExactly(IkeRekeyOutcome.CURRENT,
        IkeRekeyOutcome.SUPERSEDED);
    assertThat(a.rig.hooks.collisionsResolved).isEmpty();
    assertThat(a.rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    assertThat(a.rig.sa.passiveRekeyInFollowup()).isFalse();
    assertThat(a.rig.sa.passiveRekeyVerdict()).isNull();
    assertThat(a.rig.sa.passiveRekeyLowerNonce()).isNull();
  }

  /**
   * {@code initiator}'s and {@code a}'s CREATE_CHILD_SA requests cross; {@code responder}
   * answers {@code a}'s, {@code a} answers {@code initiator}'s; both answers hand out a link.
   */
  private void cross(Engine a, Engine initiator, Engine responder) throws TaskFailure {
    a.request = request(a, ExchangeType.CREATE_CHILD_SA);
    initiator.request = request(initiator, ExchangeType.CREATE_CHILD_SA);
    initiator.answer = answer(a, initiator.request, ExchangeType.CREATE_CHILD_SA);
    a.answer = answer(responder, a.request, ExchangeType.CREATE_CHILD_SA);
    assertThat(a.responder.waitingForFollowup()).isTrue();
    assertThat(responder.responder.waitingForFollowup()).isTrue();
    assertThat(a.rig.sa.passiveRekeyInFollowup()).isTrue();
  }

  /**
   * {@code e} receives its CREATE_CHILD_SA response; the winner then runs its IKE_FOLLOWUP_KE
   * round {N(ADDITIONAL_KEY_EXCHANGE), KEi(mlkem768)} --> <-- {KEr(mlkem768)} on the loser's
   * responder, the loser stops.
   */
  private void decideAndFollowUp(Engine e, boolean wins, Engine loser) throws Exception {
    Task.Status s = e.task.process(e.answer);
    if (!wins) {
      assertThat(s).isEqualTo(Task.Status.DONE);
      return;
    }
    assertThat(s).isEqualTo(Task.Status.NEED_MORE);
    IkeMessage followup = request(e, ExchangeType.IKE_FOLLOWUP_KE);
    assertThat(loser.responder.continuedBy(followup)).isTrue();
    IkeMessage back = answer(loser, followup, ExchangeType.IKE_FOLLOWUP_KE);
    assertThat(loser.responder.waitingForFollowup()).isFalse();
    assertThat(e.task.process(back)).isEqualTo(Task.Status.NEED_MORE);
  }

  /** {@code from}'s task's next request, as the other engine decrypts it. */
  private IkeMessage request(Engine from, ExchangeType type) throws TaskFailure {
    assertThat(from.task.exchange()).isEqualTo(type);
    List<Payload> payloads = new ArrayList<>();
    from.task.build(payloads);
    return from.isClient ? client.toGateway(type, payloads)
        : client.requestToEngine(type, payloads);
  }

  /** {@code by}'s responder answers {@code request}; the answer as the other engine reads it. */
  private IkeMessage answer(Engine by, IkeMessage request, ExchangeType type)
      throws TaskFailure {
    by.responder.process(request);
    List<Payload> payloads = new ArrayList<>();
    by.responder.build(payloads);
    return wire(by, payloads, type);
  }

  private IkeMessage wire(Engine by, List<Payload> answer, ExchangeType type) {
    return by.isClient ? client.answerToGateway(type, answer)
        : client.answerToEngine(type, answer);
  }
}
