package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.List;

/**
 * Answers the gateway's rekey of the IKE SA (RFC 7296 §1.3.2, §2.18; RFC 9370 §2.2.4):
 *
 * <pre>
 *   <--  HDR, SK {SA(new SPIi), Ni, KEi}
 *        HDR, SK {SA(new SPIr), Nr, KEr, [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->
 *   [<--  HDR(IKE_FOLLOWUP_KE), SK {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(n)}
 *         HDR, SK {KEr(n), [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->] ...
 *         the new IKE SA (the gateway is its original initiator) takes over
 *   <--  HDR, SK {D(IKE)}      (on the old SA)      HDR, SK {}  -->
 * </pre>
 *
 * <p>Refused with TEMPORARY_FAILURE while a CHILD SA rekey is half done, or when our own IKE SA
 * rekey is already past CREATE_CHILD_SA or done (as strongSwan does). While ours is still waiting
 * for its CREATE_CHILD_SA response the two collide (§2.8.1), from the gateway's CREATE_CHILD_SA
 * on (RFC 9370: an exchange whose IKE_FOLLOWUP_KE rounds are unfinished still collides): when our
 * response comes first it decides the fate of this rekey before its last round (installed as
 * current, or kept only to answer the gateway's Delete); otherwise the new SA is kept aside until
 * our response decides which one stays.
 */
public final class IkeRekeyResponder extends RekeyResponder {
  private static final FailureStep STEP = FailureStep.REKEY;

  private ProposalSelection.Selected selected;
  private KeyExchangeRounds kes;
  private long ourSpi;
  private byte[] ni;
  private byte[] nr;

  public IkeRekeyResponder(TaskContext ctx) {
    super(ctx);
  }

  /** Whether {@code request} (a CREATE_CHILD_SA) rekeys the IKE SA. */
  public static boolean rekeysIkeSa(IkeMessage request) {
    return request.first(SaPayload.class).map(sa -> !sa.proposals().isEmpty()
        && sa.proposals().get(0).protocol().equals(ProtocolId.IKE)).orElse(false)
        && request.notify(NotifyType.REKEY_SA).isEmpty();
  }

  @Override
  public Status process(IkeMessage request) throws TaskFailure {
    newAnswer();
    if (waitingForFollowup()) {
      if (!round(request.first(KePayload.class).orElse(null))) {
        return stop();
      }
      return next();
    }
    if (busy()) {
      ctx.log.debug("the gateway rekeys the IKE SA while it is {}; TEMPORARY_FAILURE",
          ctx.sa.state());
      return refuse(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
    }
    KePayload ke = request.first(KePayload.class).orElse(null);
    NoncePayload nonce = request.first(NoncePayload.class).orElse(null);
    if (ke == null || nonce == null) {
      return refuse(NotifyPayload.of(NotifyType.INVALID_SYNTAX));
    }
    ourSpi = RekeyedIkeSa.newSpi(ctx);
    Object s = ProposalSelection.ike(request.first(SaPayload.class).orElseThrow(),
        ctx.params.ikeProposals(), ke, ourSpi);
    if (s instanceof NotifyPayload refusal) {
      return refuse(refusal);
    }
    selected = (ProposalSelection.Selected) s;
    ni = nonce.nonce();
    nr = ChildKeys.newNonce(ctx);
    kes = start(selected, STEP);
    answer(new SaPayload(List.of(selected.answer())));
    answer(new NoncePayload(nr));
    if (!round(ke)) {
      return stop();
    }
    return next();
  }

  /** Whether another rekey is half done on this IKE SA (ours past CREATE_CHILD_SA, a CHILD's). */
  private boolean busy() {
    IkeSa.State s = ctx.sa.state();
    if (s != IkeSa.State.ESTABLISHED && s != IkeSa.State.REKEYING
        || ctx.sa.activeRekeyConcluding() || (s == IkeSa.State.REKEYING && ctx.sa
            .passiveRekeyLowerNonce() != null)) {
      return true;
    }
    for (ChildSa c : ctx.sa.children()) {
      if (c.state() == ChildSa.State.REKEYING || c.activeRekeyConcluding()
          || (c.passiveLowerNonce() != null && c.passiveSuccessor() == null)) {
        return true;
      }
    }
    return false;
  }

  private Status next() throws TaskFailure {
    boolean first = !waitingForFollowup();
    if (offerNext()) {
      if (first) {
        markInFollowup();
      }
      return Status.NEED_MORE;
    }
    RekeyedIkeSa next = RekeyedIkeSa.derive(ctx, ctx.hooks.newSaId(), false, ourSpi,
        selected.peerSpi(), selected.encryption(), selected.integrity(), selected.prf(), kes,
        ni, nr);
    IkeSa.PassiveRekeyVerdict verdict = ctx.sa.passiveRekeyVerdict();
    clearMarks();
    if (verdict == IkeSa.PassiveRekeyVerdict.DISCARD) {
      ctx.log.info("the gateway completed its IKE SA rekey that lost the collision");
      ctx.hooks.ikeSaRekeyed(next, SessionHooks.IkeRekeyOutcome.SUPERSEDED);
      return Status.DONE;
    }
    boolean collision = verdict == null && ctx.sa.state() == IkeSa.State.REKEYING;
    ctx.log.info("the gateway rekeyed the IKE SA{}", collision ? " while we did too" : "");
    if (collision) {
      ctx.sa.setPassiveRekeyLowerNonce(Nonces.lower(ni, nr));
      ctx.hooks.ikeSaRekeyed(next, SessionHooks.IkeRekeyOutcome.PENDING);
    } else {
      ctx.sa.setState(IkeSa.State.REKEYED);
      ctx.hooks.ikeSaRekeyed(next, SessionHooks.IkeRekeyOutcome.CURRENT);
    }
    return Status.DONE;
  }

  /**
   * Having handed out the first link, the rekey waits for IKE_FOLLOWUP_KE: it is a collision
   * partner of ours in flight already (RFC 9370: the CREATE_CHILD_SA exchanges decide), and no
   * rekey of ours starts meanwhile.
   */
  private void markInFollowup() {
    ctx.sa.setPassiveRekeyInFollowup(true);
    if (ctx.sa.state() == IkeSa.State.REKEYING) {
      ctx.sa.setPassiveRekeyLowerNonce(Nonces.lower(ni, nr));
    }
  }

  private void clearMarks() {
    if (ctx.sa.passiveRekeyInFollowup()) {
      ctx.sa.setPassiveRekeyInFollowup(false);
      ctx.sa.setPassiveRekeyLowerNonce(null);
    }
    ctx.sa.setPassiveRekeyVerdict(null);
  }

  /**
   * The gateway gave its rekey up before the last round: nothing of it was installed. Had our own
   * rekey yielded to it, the IKE SA is ESTABLISHED again and ours is tried again a little later,
   * so that the SA is still rekeyed before it expires.
   */
  @Override
  void abandoned() {
    IkeSa.PassiveRekeyVerdict verdict = ctx.sa.passiveRekeyVerdict();
    clearMarks();
    if (verdict == IkeSa.PassiveRekeyVerdict.ADOPT
        && ctx.sa.state() == IkeSa.State.REKEYING) {
      ctx.sa.setState(IkeSa.State.ESTABLISHED);
      ctx.hooks.retryIkeRekey(ChildRekeyTask.RETRY_AFTER);
    }
  }
}
