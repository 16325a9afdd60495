package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TsPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import java.time.Duration;
import java.util.List;

/**
 * Rekeys one CHILD SA as initiator (RFC 7296 §1.3.3, §2.8; RFC 9370 §2.2.4), make-before-break:
 *
 * <pre>
 *   HDR, SK {N(REKEY_SA), SA, Ni, [KEi], TSi, TSr}  -->
 *                              <--  HDR, SK {SA, Nr, [KEr], TSi, TSr, [N(ADDITIONAL_KEY_EXCHANGE)]}
 *   [HDR(IKE_FOLLOWUP_KE), SK {N(ADDITIONAL_KEY_EXCHANGE), KEi(n)}  -->  <--  {KEr(n)}] ...
 *         the new SA goes into the data path; what we send uses it at once
 *   HDR, SK {D(ESP, old SPI)}  -->                  <--  HDR, SK {D(ESP, gateway's old SPI)}
 *         the old inbound SA, which accepted the gateway's packets until now, goes
 * </pre>
 *
 * <p>Collisions (§2.8.1): if the gateway rekeyed the same SA meanwhile, the exchange with the
 * lowest nonce lost. Having lost, we delete our redundant SA (with several key exchanges we just
 * stop before IKE_FOLLOWUP_KE) and the gateway deletes the old one; having won, we go on and the
 * gateway deletes its redundant SA. A gateway that deleted the old SA while our request was in
 * flight wanted it gone: a successor it created anyway is deleted. TEMPORARY_FAILURE makes us try
 * again a little later. The task refers to the old SA by our inbound SPI (STYLE #9).
 */
public final class ChildRekeyTask implements Task {
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  private static final FailureStep STEP = FailureStep.REKEY;

  private final TaskContext ctx;
  private final long oldSpi;
  private RekeyStage stage = RekeyStage.CREATE;
  private ChildSa old;
  private int inboundSpi;
  private byte[] ni;
  private byte[] nr;
  private KeyExchangeRounds kes;
  private Algorithm requestedKe;
  private Proposals.EspChoice choice;
  private long deleteSpi;

  /** Rekeys the CHILD SA whose inbound SPI (ours) is {@code oldInboundSpi}. */
  public ChildRekeyTask(TaskContext ctx, long oldInboundSpi) {
    this.ctx = ctx;
    this.oldSpi = oldInboundSpi;
  }

  /** The SA this task rekeys, by our inbound SPI. */
  public long oldInboundSpi() {
    return oldSpi;
  }

  @Override
  public ExchangeType exchange() {
    if (stage != RekeyStage.CREATE) {
      return stage.laterExchange();
    }
    ChildSa c = ctx.sa.childByInboundSpi(oldSpi).orElse(null);
    boolean due = c != null && (c.state() == ChildSa.State.INSTALLED
        || (c == old && c.state() == ChildSa.State.REKEYING));
    return due ? ExchangeType.CREATE_CHILD_SA : null;
  }

  @Override
  public Task movedTo(TaskContext next) {
    return stage == RekeyStage.CREATE && old == null ? new ChildRekeyTask(next, oldSpi) : null;
  }

  @Override
  public Status build(List<Payload> out) throws TaskFailure {
    switch (stage) {
      case CREATE -> buildCreate(out);
      case FOLLOWUP -> kes.buildFollowup(out, ctx.env.random());
      case DELETE -> out.add(DeletePayload.childSas(ProtocolId.ESP, (int) deleteSpi));
      default -> { }
    }
    return Status.NEED_MORE;
  }

  private void buildCreate(List<Payload> out) throws TaskFailure {
    old = ctx.sa.childByInboundSpi(oldSpi).orElseThrow();
    old.setState(ChildSa.State.REKEYING);
    List<EspProposal> offered = ctx.params.espProposals();
    inboundSpi = ChildKeys.newSpi(ctx);
    ni = ChildKeys.newNonce(ctx);
    Algorithm ke = requestedKe != null ? requestedKe
        : offered.get(0).keyExchange().stream().findFirst().orElse(null);
    kes = new KeyExchangeRounds(ke, STEP);
    out.add(NotifyPayload.forChildSa(NotifyType.REKEY_SA, ProtocolId.ESP, (int) oldSpi,
        new byte[0]));
    out.add(Proposals.espOffer(offered, inboundSpi));
    out.add(new NoncePayload(ni));
    if (!kes.isEmpty()) {
      out.add(kes.initiate(ctx.env.random()));
    }
    ChildSaInfo o = old.info();
    out.add(new TsPayload(true, Selectors.toWire(o.localSelectors())));
    out.add(new TsPayload(false, Selectors.toWire(o.remoteSelectors())));
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    try {
      switch (stage) {
        case CREATE:
          return processCreate(in);
        case FOLLOWUP:
          return processFollowup(in);
        case DELETE:
          return processDelete();
        default:
          return Status.DONE;
      }
    } catch (TaskFailure f) {
      abandon();
      throw f;
    }
  }

  /**
   * The gateway's answer broke the rekey: the secrets of the key exchanges done so far go, and
   * the old SA, which nothing replaced yet, is INSTALLED again (not left REKEYING for good).
   */
  private void abandon() {
    if (old != null && old.state() == ChildSa.State.REKEYING) {
      old.setState(ChildSa.State.INSTALLED);
    }
    finish();
  }

  private Status processCreate(IkeMessage in) throws TaskFailure {
    if (old.deletedByPeer()) {
      ctx.log.info("the gateway deleted CHILD SA {} while we rekeyed it", hex(oldSpi));
      return in.first(SaPayload.class).isPresent() ? deleteNext(inboundSpi) : finish();
    }
    Status refused = refusal(in);
    if (refused != null) {
      return refused;
    }
    choice = Proposals.espChoice(IkeAuthTask.required(in, SaPayload.class, "SA"),
        ctx.params.espProposals(), STEP);
    nr = IkeAuthTask.required(in, NoncePayload.class, "Nonce").nonce();
    if ((choice.keyExchange() == null) != kes.isEmpty()
        || (choice.keyExchange() != null && choice.keyExchange() != kes.first())) {
      throw Proposals.protocol(STEP, "the gateway chose key exchange " + choice.keyExchange()
          + " for our KE " + kes.first());
    }
    if (!kes.isEmpty()) {
      kes.complete(IkeAuthTask.required(in, KePayload.class, "KE"));
    }
    kes.addAdditional(choice.additionalKeyExchanges());
    byte[] passive = old.passiveLowerNonce();
    if (passive != null && Nonces.loses(Nonces.lower(ni, nr), passive)) {
      ctx.log.info("CHILD SA rekey collision lost; the gateway's rekey of {} stands",
          hex(oldSpi));
      kes.wipe();
      old.setState(old.passiveSuccessor() != null ? ChildSa.State.REKEYED
          : ChildSa.State.INSTALLED);
      return kes.done() ? deleteNext(inboundSpi) : finish();
    }
    if (passive != null) {
      ctx.log.info("CHILD SA rekey collision won; the gateway deletes its redundant SA");
      if (old.passiveSuccessor() != null) {
        old.passiveSuccessor().markRedundant();
      }
      old.clearPassiveRekey();
    }
    if (!kes.done()) {
      kes.takeLink(in);
      old.setActiveRekeyConcluding(true);
      stage = RekeyStage.FOLLOWUP;
      return Status.NEED_MORE;
    }
    return conclude();
  }

  /** The gateway's error notify, handled; null when there is none. */
  private Status refusal(IkeMessage in) throws TaskFailure {
    if (PeerErrors.has(in, NotifyType.TEMPORARY_FAILURE)) {
      return retryLater();
    }
    if (PeerErrors.has(in, NotifyType.INVALID_KE_PAYLOAD)) {
      byte[] d = in.notify(NotifyType.INVALID_KE_PAYLOAD).get().data();
      Algorithm wanted = d.length == 2 ? Algorithm.find(Algorithm.Kind.KEY_EXCHANGE,
          ((d[0] & 0xff) << 8) | (d[1] & 0xff), 0).orElse(null) : null;
      boolean offered = ctx.params.espProposals().stream()
          .anyMatch(p -> p.keyExchange().contains(wanted));
      if (wanted != null && offered && requestedKe == null) {
        kes.wipe();
        requestedKe = wanted;
        old.setState(ChildSa.State.INSTALLED);
        old = null;
        return Status.NEED_MORE;
      }
    }
    for (NotifyPayload n : in.payloads(NotifyPayload.class)) {
      if (n.isError()) {
        kes.wipe();
        old.setState(ChildSa.State.INSTALLED);
        throw TaskFailure.of(STEP, ErrorCode.REKEY_FAILED, "what", "CHILD SA",
            "detail", "CREATE_CHILD_SA answered with " + n.notifyType());
      }
    }
    return null;
  }

  private Status retryLater() {
    kes.wipe();
    if (old.passiveSuccessor() != null || old.passiveLowerNonce() != null) {
      ctx.log.debug("the gateway's own rekey of {} goes on", hex(oldSpi));
      return finish();
    }
    old.setState(ChildSa.State.INSTALLED);
    ctx.hooks.retryChildRekey(oldSpi, RETRY_AFTER);
    return finish();
  }

  private Status processFollowup(IkeMessage in) throws TaskFailure {
    if (old.deletedByPeer()) {
      ctx.log.info("the gateway deleted CHILD SA {} while we rekeyed it", hex(oldSpi));
      // A KE without a further link completed the last round: the gateway made the new SA.
      boolean created = in.first(KePayload.class).isPresent() && !PeerErrors.any(in)
          && in.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).isEmpty();
      return created ? deleteNext(inboundSpi) : finish();
    }
    if (PeerErrors.any(in)) {
      kes.wipe();
      old.setActiveRekeyConcluding(false);
      old.setState(ChildSa.State.INSTALLED);
      ctx.hooks.retryChildRekey(oldSpi, RETRY_AFTER);
      return finish();
    }
    return kes.completeFollowup(in) ? conclude() : Status.NEED_MORE;
  }

  /** All key exchanges done: the new SA replaces the old one in the data path. */
  private Status conclude() throws TaskFailure {
    ChildSaKeys keys = ChildKeys.derive(ctx, choice.encryption(), choice.integrity(), kes, ni,
        nr, STEP);
    ChildSaInfo o = old.info();
    ChildSaInfo info = new ChildSaInfo(inboundSpi & 0xffffffffL, choice.gatewaySpi(),
        choice.encryption(), choice.integrity(), choice.keyExchange(),
        choice.esn() == Algorithm.ESN, o.localSelectors(), o.remoteSelectors(),
        choice.additionalKeyExchanges());
    KeyLogger.childSa(ctx, choice, info.inboundSpi(), keys);
    EspInstall.install(ctx.params.saInstaller(), info, keys, ctx.hooks.remoteAddress(),
        EspInstall.Mode.REPLACE, oldSpi, Role.INITIATOR);
    ChildSa next = new ChildSa(info, keys);
    ctx.sa.children().add(next);
    old.setState(ChildSa.State.REKEYED);
    ctx.log.info("rekeyed CHILD SA {} -> {}_i {}_o ({})", hex(oldSpi), hex(info.inboundSpi()),
        hex(info.outboundSpi()), info.algorithms());
    ctx.hooks.childSaInstalled(next);
    ctx.hooks.childSaRekeyed(old, next);
    return deleteNext(oldSpi);
  }

  private Status deleteNext(long spi) {
    deleteSpi = spi;
    stage = RekeyStage.DELETE;
    if (spi == oldSpi && !old.deletedByPeer()) {
      old.setState(ChildSa.State.DELETING);
    }
    return Status.NEED_MORE;
  }

  private Status processDelete() {
    if (deleteSpi == oldSpi) {
      ctx.sa.childByInboundSpi(oldSpi).ifPresent(c -> {
        ctx.sa.children().remove(c);
        EspInstall.delete(ctx.params.saInstaller(), oldSpi);
        c.wipe();
      });
    }
    return finish();
  }

  /** The rekey is over, however it ended: no secret of its key exchanges outlives it. */
  private Status finish() {
    if (kes != null) {
      kes.wipe();
    }
    if (old != null) {
      old.setActiveRekeyConcluding(false);
    }
    stage = RekeyStage.DONE;
    return Status.DONE;
  }

  static String hex(long spi) {
    return String.format("%08x", spi);
  }
}
