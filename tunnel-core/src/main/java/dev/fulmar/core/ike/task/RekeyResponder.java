package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the gateway's rekey of a CHILD SA ({@link ChildRekeyResponder}) or of the IKE SA
 * ({@link IkeRekeyResponder}). What both share lives here: the answer being built and the key
 * exchange rounds with their IKE_FOLLOWUP_KE exchanges (RFC 9370 §2.2.4); the two differ only in
 * what they check first and what they install once every round is done:
 *
 * <pre>
 *   <--  HDR, SK {..., KEi, ...}
 *        HDR, SK {..., KEr, ..., [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->
 *   [<--  HDR(IKE_FOLLOWUP_KE), SK {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(n)}
 *         HDR, SK {KEr(n), [N(ADDITIONAL_KEY_EXCHANGE)(link)]}  -->] ...
 * </pre>
 *
 * It keeps the answer being built, the rounds, and whether an IKE_FOLLOWUP_KE request carrying
 * the link we handed out is expected next.
 */
public abstract sealed class RekeyResponder implements Task
    permits ChildRekeyResponder, IkeRekeyResponder {
  final TaskContext ctx;
  private final List<Payload> answer = new ArrayList<>();
  private KeyExchangeRounds kes;
  private boolean waiting;

  RekeyResponder(TaskContext ctx) {
    this.ctx = ctx;
  }

  /** IKE_FOLLOWUP_KE while further rounds are expected, CREATE_CHILD_SA before. */
  @Override
  public final ExchangeType exchange() {
    return waiting ? ExchangeType.IKE_FOLLOWUP_KE : ExchangeType.CREATE_CHILD_SA;
  }

  /** Whether IKE_FOLLOWUP_KE requests continuing this rekey are expected. */
  public final boolean waitingForFollowup() {
    return waiting;
  }

  /** Whether {@code request} (IKE_FOLLOWUP_KE) continues this rekey (carries our link). */
  public final boolean continuedBy(IkeMessage request) {
    return request.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE)
        .map(n -> kes.linkMatches(n.data())).orElse(false);
  }

  /** Starts the rounds the gateway's proposal settled on; returns them. */
  final KeyExchangeRounds start(ProposalSelection.Selected selected, FailureStep step) {
    kes = new KeyExchangeRounds(selected.keyExchange(), step);
    kes.addAdditional(selected.additionalKeyExchanges());
    return kes;
  }

  /** Starts a new answer (one per request). */
  final void newAnswer() {
    answer.clear();
  }

  final void answer(Payload p) {
    answer.add(p);
  }

  /** The answer is {@code n} alone. */
  final Status refuse(NotifyPayload n) {
    answer.clear();
    answer.add(n);
    return Status.DONE;
  }

  /** Answers one key exchange round; false (with the error answer) if it failed. */
  final boolean round(KePayload theirs) {
    Object r = theirs == null ? NotifyPayload.of(NotifyType.INVALID_SYNTAX)
        : kes.respond(theirs, ctx.env.random());
    if (r instanceof NotifyPayload n) {
      refuse(n);
      return false;
    }
    answer.add((KePayload) r);
    return true;
  }

  /**
   * With rounds left, hands out a new link in the answer and expects IKE_FOLLOWUP_KE (true);
   * otherwise (false) the rekey is complete.
   */
  final boolean offerNext() {
    if (!kes.done()) {
      byte[] link = new byte[4];
      ctx.env.random().nextBytes(link);
      kes.setLink(link);
      answer.add(NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, link));
      waiting = true;
      return true;
    }
    waiting = false;
    return false;
  }

  /** Gives up the rounds: secrets wiped, no further IKE_FOLLOWUP_KE expected. */
  final Status stop() {
    if (kes != null) {
      kes.wipe();
    }
    if (waiting) {
      waiting = false;
      abandoned();
    }
    return Status.DONE;
  }

  /**
   * The gateway did not continue the rekey with IKE_FOLLOWUP_KE in time (RFC 9370 §2.2.4: the
   * responder does not keep the state of an unfinished exchange for ever): the rekey is given up
   * as if it never started. Nothing was installed; only the last round installs.
   */
  public final void abandon() {
    stop();
  }

  /** A rekey that waited for IKE_FOLLOWUP_KE was given up: undo what marks it on the SAs. */
  void abandoned() {}

  /** Adds the answer to {@code response}; NEED_MORE while IKE_FOLLOWUP_KE requests are due. */
  @Override
  public final Status build(List<Payload> response) {
    response.addAll(answer);
    return waiting ? Status.NEED_MORE : Status.DONE;
  }
}
