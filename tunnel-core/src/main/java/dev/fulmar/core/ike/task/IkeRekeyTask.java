package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.List;

/**
 * Rekeys the IKE SA as initiator (RFC 7296 §1.3.2, §2.18; RFC 9370 §2.2.4):
 *
 * <pre>
 *   HDR, SK {SA(new SPIi), Ni, KEi}  -->
 *                     <--  HDR, SK {SA(new SPIr), Nr, KEr, [N(ADDITIONAL_KEY_EXCHANGE)]}
 *   [HDR(IKE_FOLLOWUP_KE), SK {N(ADDITIONAL_KEY_EXCHANGE), KEi(n)}  -->  <--  {KEr(n)}] ...
 *         the new IKE SA takes over: CHILD SAs and new requests move to it
 *   HDR, SK {D(IKE)}  -->        (on the old SA)        <--  HDR, SK {}
 * </pre>
 *
 * <p>Collisions (§2.8.1): if the gateway rekeyed the IKE SA meanwhile, the exchange with the
 * lowest nonce lost, also when the gateway's rekey is still in its IKE_FOLLOWUP_KE rounds (RFC
 * 9370). Having lost, we delete our new SA (with several key exchanges we stop before
 * IKE_FOLLOWUP_KE) and the gateway's new SA becomes current (once its last round is done); the
 * gateway deletes the old one.
 * Having won, ours becomes current and the gateway deletes its own. TEMPORARY_FAILURE makes us try
 * again a little later.
 */
public final class IkeRekeyTask implements Task {
  private static final FailureStep STEP = FailureStep.REKEY;

  private final TaskContext ctx;
  private RekeyStage stage = RekeyStage.CREATE;
  private long ourSpi;
  private long theirSpi;
  private byte[] ni;
  private byte[] nr;
  private KeyExchangeRounds kes;
  private Algorithm requestedKe;
  private Proposals.IkeChoice choice;

  public IkeRekeyTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    if (stage != RekeyStage.CREATE) {
      return stage.laterExchange();
    }
    return ctx.sa.state() == IkeSa.State.ESTABLISHED
        || (kes != null && ctx.sa.state() == IkeSa.State.REKEYING)
        ? ExchangeType.CREATE_CHILD_SA : null;
  }

  @Override
  public Status build(List<Payload> out) throws TaskFailure {
    switch (stage) {
      case CREATE -> {
        ctx.sa.setState(IkeSa.State.REKEYING);
        List<IkeProposal> offered = ctx.params.ikeProposals();
        ourSpi = RekeyedIkeSa.newSpi(ctx);
        ni = ChildKeys.newNonce(ctx);
        Algorithm current = ctx.result.keyExchanges.isEmpty() ? null
            : ctx.result.keyExchanges.get(0);
        Algorithm ke = requestedKe != null ? requestedKe
            : current != null && offered.stream().anyMatch(p -> p.keyExchange().contains(current))
            ? current
            : offered.get(0).keyExchange().get(0);
        kes = new KeyExchangeRounds(ke, STEP);
        out.add(Proposals.ikeRekeyOffer(offered, ourSpi));
        out.add(new NoncePayload(ni));
        out.add(kes.initiate(ctx.env.random()));
      }
      case FOLLOWUP -> kes.buildFollowup(out, ctx.env.random());
      case DELETE -> out.add(DeletePayload.ikeSa());
      default -> { }
    }
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    try {
      switch (stage) {
        case CREATE:
          return processCreate(in);
        case FOLLOWUP:
          return processFollowup(in);
        default:
          stage = RekeyStage.DONE;
          return Status.DONE;
      }
    } catch (TaskFailure f) {
      abandon();
      throw f;
    }
  }

  /**
   * The gateway's answer broke the rekey: the secrets of the key exchanges done so far go, and
   * the IKE SA, which nothing replaced yet, is ESTABLISHED again (not left REKEYING for good).
   */
  private void abandon() {
    if (ctx.sa.state() == IkeSa.State.REKEYING) {
      ctx.sa.setState(IkeSa.State.ESTABLISHED);
    }
    finish();
  }

  private Status processCreate(IkeMessage in) throws TaskFailure {
    Status refused = refusal(in);
    if (refused != null) {
      return refused;
    }
    SaPayload sa = IkeAuthTask.required(in, SaPayload.class, "SA");
    choice = Proposals.ikeChoice(sa, ctx.params.ikeProposals(), STEP);
    theirSpi = Proposals.chosenSpi(sa, 8, STEP);
    nr = IkeAuthTask.required(in, NoncePayload.class, "Nonce").nonce();
    if (choice.keyExchange() != kes.first()) {
      throw Proposals.protocol(STEP, "the gateway chose key exchange " + choice.keyExchange()
          + " for our KE " + kes.first());
    }
    kes.complete(IkeAuthTask.required(in, KePayload.class, "KE"));
    kes.addAdditional(choice.additionalKeyExchanges());
    byte[] passive = ctx.sa.passiveRekeyLowerNonce();
    if (passive != null && collisionLost(passive)) {
      if (kes.done()) {
        ctx.hooks.ikeSaRekeyed(derive(), SessionHooks.IkeRekeyOutcome.REDUNDANT);
      }
      return finish();
    }
    if (!kes.done()) {
      kes.takeLink(in);
      ctx.sa.setActiveRekeyConcluding(true);
      stage = RekeyStage.FOLLOWUP;
      return Status.NEED_MORE;
    }
    return conclude();
  }

  /**
   * Decides a collision with the gateway's rekey by the lowest of the four CREATE_CHILD_SA nonces
   * (RFC 7296 §2.8.1; RFC 9370: IKE_FOLLOWUP_KE rounds do not take part), whether or not the
   * gateway's rekey has done its IKE_FOLLOWUP_KE rounds yet. An unfinished one learns its fate
   * from the SA's verdict when its last round is done.
   */
  private boolean collisionLost(byte[] passive) {
    boolean lost = Nonces.loses(Nonces.lower(ni, nr), passive);
    boolean unfinished = ctx.sa.passiveRekeyInFollowup();
    ctx.log.info("IKE SA rekey collision {}{}", lost ? "lost" : "won",
        unfinished ? " (the gateway's rekey still waits for IKE_FOLLOWUP_KE)" : "");
    ctx.sa.setPassiveRekeyLowerNonce(null);
    if (unfinished) {
      ctx.sa.setPassiveRekeyVerdict(lost ? IkeSa.PassiveRekeyVerdict.ADOPT
          : IkeSa.PassiveRekeyVerdict.DISCARD);
    } else {
      ctx.hooks.resolveIkeRekeyCollision(lost);
    }
    return lost;
  }

  private Status refusal(IkeMessage in) throws TaskFailure {
    if (PeerErrors.has(in, NotifyType.TEMPORARY_FAILURE)) {
      kes.wipe();
      if (ctx.sa.state() == IkeSa.State.REKEYING) {
        ctx.sa.setState(IkeSa.State.ESTABLISHED);
      }
      ctx.hooks.retryIkeRekey(ChildRekeyTask.RETRY_AFTER);
      return finish();
    }
    if (PeerErrors.has(in, NotifyType.INVALID_KE_PAYLOAD) && requestedKe == null) {
      byte[] d = in.notify(NotifyType.INVALID_KE_PAYLOAD).get().data();
      Algorithm wanted = d.length == 2 ? Algorithm.find(Algorithm.Kind.KEY_EXCHANGE,
          ((d[0] & 0xff) << 8) | (d[1] & 0xff), 0).orElse(null) : null;
      if (wanted != null && ctx.params.ikeProposals().stream()
          .anyMatch(p -> p.keyExchange().contains(wanted))) {
        kes.wipe();
        requestedKe = wanted;
        return Status.NEED_MORE;
      }
    }
    for (NotifyPayload n : in.payloads(NotifyPayload.class)) {
      if (n.isError()) {
        kes.wipe();
        ctx.sa.setState(IkeSa.State.ESTABLISHED);
        throw TaskFailure.of(STEP, ErrorCode.REKEY_FAILED, "what", "IKE SA",
            "detail", "CREATE_CHILD_SA answered with " + n.notifyType());
      }
    }
    return null;
  }

  private Status processFollowup(IkeMessage in) throws TaskFailure {
    if (PeerErrors.any(in)) {
      kes.wipe();
      ctx.sa.setActiveRekeyConcluding(false);
      ctx.sa.setState(IkeSa.State.ESTABLISHED);
      ctx.hooks.retryIkeRekey(ChildRekeyTask.RETRY_AFTER);
      return finish();
    }
    return kes.completeFollowup(in) ? conclude() : Status.NEED_MORE;
  }

  private RekeyedIkeSa derive() throws TaskFailure {
    return RekeyedIkeSa.derive(ctx, ctx.hooks.newSaId(), true, ourSpi, theirSpi,
        choice.encryption(), choice.integrity(), choice.prf(), kes, ni, nr);
  }

  /** The new SA takes over; the old one is deleted next. */
  private Status conclude() throws TaskFailure {
    RekeyedIkeSa next = derive();
    ctx.sa.setActiveRekeyConcluding(false);
    ctx.sa.setState(IkeSa.State.REKEYED);
    ctx.hooks.ikeSaRekeyed(next, SessionHooks.IkeRekeyOutcome.CURRENT);
    stage = RekeyStage.DELETE;
    return Status.NEED_MORE;
  }

  /** The rekey is over, however it ended: no secret of its key exchanges outlives it. */
  private Status finish() {
    if (kes != null) {
      kes.wipe();
    }
    ctx.sa.setActiveRekeyConcluding(false);
    stage = RekeyStage.DONE;
    return Status.DONE;
  }
}
