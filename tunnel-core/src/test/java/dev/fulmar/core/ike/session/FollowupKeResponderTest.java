package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.ResponderSa;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TrafficSelector;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformAttribute;
import dev.fulmar.core.ike.message.TransformType;
import dev.fulmar.core.ike.message.TsPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session's side of a gateway rekey with IKE_FOLLOWUP_KE (RFC 9370 §2.2.4): the follow-up
 * requests reach the rekey waiting for them only with the link it handed out (else
 * STATE_NOT_FOUND), other rekeys wait meanwhile (TEMPORARY_FAILURE), and a follow-up that never
 * comes is given up after the retransmission give-up time of the manual clock, leaving the old
 * CHILD SA in the data path and nothing half-installed. Key derivation itself is checked in
 * {@code ChildRekeyFollowupTest}.
 */
class FollowupKeResponderTest {
  private static final Duration NEVER = Duration.ofHours(100);
  /** RetransmissionPolicy.defaults(): give up after 60 s. */
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final int GATEWAY_NEW_SPI = 0x00ab0002;
  private final ExchangeHarness h = new ExchangeHarness();
  private final SaTable table = new SaTable();
  private ChildSaInfo old;
  private byte[] link;

  /** Connected with PFS x25519 + ML-KEM-768 for CHILD SAs; the gateway rekeys the CHILD SA. */
  private void gatewayRekeysWithFollowupDue() throws Exception {
    h.params.dpd(Duration.ZERO).saInstaller(table)
        .espProposals(List.of(ProposalStrings.espOrFail("aes256gcm16-x25519-ke1_mlkem768")))
        .childLifetime(new SaLifetime(NEVER, Duration.ZERO, NEVER.plusMinutes(2)))
        .ikeLifetime(new SaLifetime(NEVER, Duration.ZERO, NEVER.plusMinutes(5)));
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    old = h.info().child();
    // <-- CREATE_CHILD_SA {N(REKEY_SA), SA(KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519), TSi, TSr}
    h.responder.sendRequest(ExchangeType.CREATE_CHILD_SA, childRekey());
    h.toClient();
    // {SA, Nr, KEr(x25519), TSi, TSr, N(ADDITIONAL_KEY_EXCHANGE)(link)} -->
    h.toGateway();
    IkeMessage answer = lastAnswer();
    assertThat(answer.first(KePayload.class)).isPresent();
    link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    assertThat(table.installed()).as("the old pair only, before the last round").hasSize(2);
  }

  @Test
  void followupsReachTheWaitingRekeyOnlyWithItsLinkAndOtherRekeysWait() throws Exception {
    gatewayRekeysWithFollowupDue();
    byte[] other = link.clone();
    other[other.length - 1] ^= 1;

    // <-- IKE_FOLLOWUP_KE {N(other link), KEi(1)}   {N(STATE_NOT_FOUND)} -->
    assertThat(followup(other).notify(NotifyType.STATE_NOT_FOUND)).isPresent();
    // <-- CREATE_CHILD_SA (IKE SA rekey)   {N(TEMPORARY_FAILURE)} -->
    h.responder.sendIkeRekey();
    h.toClient();
    h.toGateway();
    assertThat(lastAnswer().notify(NotifyType.TEMPORARY_FAILURE)).isPresent();
    assertThat(table.installed()).hasSize(2);

    // <-- IKE_FOLLOWUP_KE {N(link), KEi(1)}   {KEr(1)} -->
    IkeMessage last = followup(link);
    assertThat(last.first(KePayload.class).orElseThrow().method().value())
        .isEqualTo(Algorithm.ML_KEM_768.transformId());
    long ourNewSpi = lastSaAnswerSpi();
    assertThat(table.inbound((int) ourNewSpi)).as("new inbound at once").isNotNull();
    assertThat(table.inbound((int) old.inboundSpi())).as("old inbound until deleted")
        .isNotNull();

    // <-- INFORMATIONAL {D(ESP, gateway's old SPI)}   {D(ESP, our old SPI)} -->
    h.responder.sendInformational(List.of(DeletePayload.childSas(ProtocolId.ESP,
        h.responder.sa().childInboundSpi)));
    h.toClient();
    h.toGateway();
    assertThat(table.inbound((int) old.inboundSpi())).isNull();
    assertThat(table.outboundOf(ourNewSpi)).isNotNull();
    assertThat(h.events.childRekeys).hasSize(1);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void aFollowupThatNeverComesIsGivenUpAndTheOldSaStays() throws Exception {
    gatewayRekeysWithFollowupDue();

    h.loop.advance(GIVE_UP.minusSeconds(1));
    h.responder.sendIkeRekey();
    h.toClient();
    h.toGateway();
    assertThat(lastAnswer().notify(NotifyType.TEMPORARY_FAILURE)).as("still waiting")
        .isPresent();
    h.loop.advance(Duration.ofSeconds(2));

    // A late IKE_FOLLOWUP_KE finds nothing:  {N(STATE_NOT_FOUND)} -->
    assertThat(followup(link).notify(NotifyType.STATE_NOT_FOUND)).isPresent();
    assertThat(table.installed()).as("the old pair, nothing half-installed").hasSize(2);
    assertThat(table.inbound((int) old.inboundSpi())).isNotNull();
    assertThat(table.outboundOf(old.inboundSpi())).isNotNull();
    assertThat(h.events.childRekeys).isEmpty();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);

    // The gateway's next rekey is no longer refused: IKE SA rekey, then the old one deleted.
    h.responder.sendIkeRekey();
    h.toClient();
    h.toGateway();
    assertThat(lastAnswer().first(SaPayload.class)).isPresent();
    h.responder.deleteRekeyedIkeSa();
    h.toClient();
    h.toGateway();
    assertThat(h.events.ikeRekeys).containsExactly(h.responder.sa().spiI);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(table.installed()).hasSize(2);
  }

  /** The gateway's IKE_FOLLOWUP_KE with {@code withLink}; returns the client's answer. */
  private IkeMessage followup(byte[] withLink) throws Exception {
    KeyExchange kei = KeyExchanges.initiate(Algorithm.ML_KEM_768.transformId(),
        new java.security.SecureRandom());
    h.responder.sendRequest(ExchangeType.IKE_FOLLOWUP_KE, List.of(
        NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, withLink),
        new KePayload(KeyExchangeMethod.valueOf(Algorithm.ML_KEM_768.transformId()),
            kei.publicValue())));
    h.toClient();
    h.toGateway();
    return lastAnswer();
  }

  private IkeMessage lastAnswer() {
    List<IkeMessage> answers = h.responder.answers();
    return answers.get(answers.size() - 1);
  }

  /** Our new inbound SPI, from our answer to the gateway's CREATE_CHILD_SA. */
  private long lastSaAnswerSpi() {
    return h.responder.answers().stream().filter(m -> m.first(SaPayload.class).isPresent())
        .reduce((a, b) -> b).orElseThrow().first(SaPayload.class).orElseThrow().proposals()
        .get(0).spiValue();
  }

  private List<Payload> childRekey() throws Exception {
    ResponderSa sa = h.responder.sa();
    KeyExchange kei = KeyExchanges.initiate(Algorithm.CURVE25519.transformId(),
        new java.security.SecureRandom());
    List<Transform> t = List.of(
        new Transform(TransformType.ENCR, Algorithm.AES_GCM_16_256.transformId(),
            List.of(TransformAttribute.keyLength(256))),
        Transform.keyExchange(KeyExchangeMethod.valueOf(Algorithm.CURVE25519.transformId())),
        Transform.additionalKeyExchange(1,
            KeyExchangeMethod.valueOf(Algorithm.ML_KEM_768.transformId())),
        new Transform(TransformType.ESN, 0, List.of()));
    return List.of(
        NotifyPayload.forChildSa(NotifyType.REKEY_SA, ProtocolId.ESP, sa.childInboundSpi,
            new byte[0]),
        new SaPayload(List.of(Proposal.esp(1, GATEWAY_NEW_SPI, t))),
        new NoncePayload(new byte[32]),
        new KePayload(KeyExchangeMethod.valueOf(Algorithm.CURVE25519.transformId()),
            kei.publicValue()),
        TsPayload.of(true, TrafficSelector.subnet(h.gateway.virtualIp, 32)),
        new TsPayload(false, h.gateway.localTs.stream()
            .map(s -> TrafficSelector.range(s.start(), s.end())).toList()));
  }
}
