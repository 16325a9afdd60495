package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TsPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Answers the gateway's rekey of a CHILD SA (RFC 7296 §1.3.3, §2.8; RFC 9370 §2.2.4):
 *
 * <pre>
 *   <--  HDR, SK {N(REKEY_SA), SA, Ni, [KEi], TSi, TSr}
 *        HDR, SK {SA, Nr, [KEr], TSi, TSr, [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->
 *   [<--  HDR(IKE_FOLLOWUP_KE), SK {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(n)}
 *         HDR, SK {KEr(n), [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->] ...
 *   <--  HDR, SK {D(ESP, gateway's old SPI)}           (then the old SA goes, see
 *                                                        InformationalResponderTask)
 * </pre>
 *
 * <p>The new SA's inbound half goes into the data path before the response that lets the
 * gateway use it is sent; what we send moves to the new SA only when the gateway deletes the old
 * one, since only then do we know it installed its own inbound half. The answer is
 * TEMPORARY_FAILURE while the SA is already rekeyed or being deleted, or while the IKE SA is
 * being rekeyed (as strongSwan answers); CHILD_SA_NOT_FOUND for an SA we do not have.
 */
public final class ChildRekeyResponder extends RekeyResponder {
  private static final FailureStep STEP = FailureStep.REKEY;

  private ChildSa old;
  private ProposalSelection.Selected selected;
  private KeyExchangeRounds kes;
  private byte[] ni;
  private byte[] nr;
  private int inboundSpi;

  public ChildRekeyResponder(TaskContext ctx) {
    super(ctx);
  }

  /** Whether {@code request} (a CREATE_CHILD_SA) rekeys a CHILD SA. */
  public static boolean rekeysChildSa(IkeMessage request) {
    return request.payloads(NotifyPayload.class).stream().anyMatch(
        n -> n.notifyType().equals(NotifyType.REKEY_SA)
            && !n.protocol().equals(ProtocolId.IKE));
  }

  @Override
  public Status process(IkeMessage request) throws TaskFailure {
    newAnswer();
    if (waitingForFollowup()) {
      return followup(request);
    }
    NotifyPayload rekey = request.payloads(NotifyPayload.class).stream()
        .filter(n -> n.notifyType().equals(NotifyType.REKEY_SA)).findFirst().orElseThrow();
    long spi = rekey.spi().length == 4 ? ByteBuffer.wrap(rekey.spi()).getInt() & 0xffffffffL : 0;
    old = ctx.sa.childByOutboundSpi(spi).orElse(null);
    if (old == null) {
      return refuse(NotifyPayload.of(NotifyType.CHILD_SA_NOT_FOUND));
    }
    if (old.state() != ChildSa.State.INSTALLED && old.state() != ChildSa.State.REKEYING
        || old.activeRekeyConcluding() || ctx.sa.state() != IkeSa.State.ESTABLISHED) {
      ctx.log.debug("the gateway rekeys {} while it is {}; TEMPORARY_FAILURE", old,
          ctx.sa.state());
      return refuse(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
    }
    inboundSpi = ChildKeys.newSpi(ctx);
    Optional<KePayload> ke = request.first(KePayload.class);
    Optional<SaPayload> offer = request.first(SaPayload.class);
    if (offer.isEmpty() || request.first(NoncePayload.class).isEmpty()) {
      return refuse(NotifyPayload.of(NotifyType.INVALID_SYNTAX));
    }
    Object s = ProposalSelection.esp(offer.get(), ctx.params.espProposals(), ke, inboundSpi);
    if (s instanceof NotifyPayload refusal) {
      return refuse(refusal);
    }
    selected = (ProposalSelection.Selected) s;
    ni = request.first(NoncePayload.class).orElseThrow(
        () -> Proposals.protocol(STEP, "the gateway's rekey has no nonce")).nonce();
    nr = ChildKeys.newNonce(ctx);
    kes = start(selected, STEP);
    answer(new SaPayload(List.of(selected.answer())));
    answer(new NoncePayload(nr));
    if (!kes.isEmpty() && !round(ke.get())) {
      return Status.DONE;
    }
    ChildSaInfo o = old.info();
    answer(new TsPayload(true, Selectors.toWire(o.remoteSelectors())));
    answer(new TsPayload(false, Selectors.toWire(o.localSelectors())));
    return next();
  }

  private Status followup(IkeMessage request) throws TaskFailure {
    if (old.deletedByPeer() || !round(request.first(KePayload.class).orElse(null))) {
      return stop();
    }
    return next();
  }

  private Status next() throws TaskFailure {
    boolean first = !waitingForFollowup();
    if (offerNext()) {
      if (first) {
        old.markPassiveRekey(Nonces.lower(ni, nr), null);
      }
      return Status.NEED_MORE;
    }
    install();
    return Status.DONE;
  }

  /**
   * The old SA was marked as being rekeyed by the gateway (for collisions, RFC 7296 §2.8.1) when
   * we handed out the first link; with the rekey given up, that mark must not outlive it, or our
   * own rekey of the SA would lose to a rekey that never completes, and the gateway's IKE SA
   * rekeys would be refused as long as it stays.
   */
  @Override
  void abandoned() {
    if (old != null && old.passiveSuccessor() == null) {
      old.clearPassiveRekey();
    }
  }

  /** The new SA enters the data path inbound-first, before our response leaves. */
  private void install() throws TaskFailure {
    ChildSaKeys keys = ChildKeys.derive(ctx, selected.encryption(), selected.integrity(), kes,
        ni, nr, STEP);
    ChildSaInfo o = old.info();
    ChildSaInfo info = new ChildSaInfo(inboundSpi & 0xffffffffL, selected.peerSpi(),
        selected.encryption(), selected.integrity(), selected.keyExchange(),
        selected.esn() == Algorithm.ESN, o.localSelectors(), o.remoteSelectors(),
        selected.additionalKeyExchanges());
    KeyLogger.childSa(ctx, info.encryption(), info.integrity(), info.outboundSpi(),
        info.inboundSpi(), keys, Role.RESPONDER);
    EspInstall.install(ctx.params.saInstaller(), info, keys, ctx.hooks.remoteAddress(),
        EspInstall.Mode.REPLACE_INBOUND_FIRST, old.inboundSpi(), Role.RESPONDER);
    ChildSa next = new ChildSa(info, keys);
    ctx.sa.children().add(next);
    old.markPassiveRekey(Nonces.lower(ni, nr), next);
    if (old.state() == ChildSa.State.INSTALLED) {
      old.setState(ChildSa.State.REKEYED);
    }
    ctx.log.info("the gateway rekeyed CHILD SA {}: new {}_i {}_o ({})",
        ChildRekeyTask.hex(old.inboundSpi()), ChildRekeyTask.hex(info.inboundSpi()),
        ChildRekeyTask.hex(info.outboundSpi()), info.algorithms());
    ctx.hooks.childSaInstalled(next);
  }
}
