package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.RetransmissionPolicy;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.sa.SaId;
import dev.fulmar.core.ike.sa.SaRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends our requests and sends them again until answered (RFC 7296 §2.1): waits grow by the
 * policy's multiplier, and once the give-up time has passed since the first transmission the
 * peer is declared dead (§2.4). The timer holds only the {@link SaId} and message ID and looks the
 * SA up when it fires (STYLE #9): an SA deleted meanwhile, or a request already answered, makes it
 * a no-op.
 */
final class Retransmitter {
  private static final Logger LOG = LoggerFactory.getLogger(Retransmitter.class);

  /** Puts datagrams on the wire through the session's current socket. */
  interface Sender {
    void send(List<byte[]> datagrams);
  }

  /** Called on the loop when a request was never answered. */
  interface GiveUpHandler {
    void gaveUp(IkeSa sa, OutstandingRequest request);
  }

  private final SessionLoop loop;
  private final SaRegistry registry;
  private final RetransmissionPolicy policy;
  private final Sender sender;
  private final GiveUpHandler giveUp;

  Retransmitter(
      SessionLoop loop,
      SaRegistry registry,
      RetransmissionPolicy policy,
      Sender sender,
      GiveUpHandler giveUp) {
    this.loop = loop;
    this.registry = registry;
    this.policy = policy;
    this.sender = sender;
    this.giveUp = giveUp;
  }

  /** Records {@code request} as outstanding on {@code sa}, sends it and arms the timer. */
  void send(IkeSa sa, OutstandingRequest request) {
    sa.requests().sent(request);
    transmit(sa.id(), request);
  }

  private void transmit(SaId id, OutstandingRequest request) {
    request.countTransmission();
    sender.send(request.datagrams());
    Duration elapsed = Duration.ofNanos(loop.nanoTime() - request.firstSentNanos());
    Duration wait = policy.timeoutAfter(request.transmissions() - 1);
    Duration untilGiveUp = giveUpAfter(request).minus(elapsed);
    if (untilGiveUp.compareTo(wait) < 0) {
      wait = untilGiveUp.isNegative() ? Duration.ZERO : untilGiveUp;
    }
    long messageId = request.messageId();
    request.setTimer(loop.schedule(wait, () -> onTimer(id, messageId)));
  }

  private Duration giveUpAfter(OutstandingRequest request) {
    return request.giveUpAfter().orElse(policy.giveUpAfter());
  }

  private void onTimer(SaId id, long messageId) {
    IkeSa sa = registry.find(id).orElse(null);
    if (sa == null || !sa.requests().matches(messageId)) {
      return;
    }
    OutstandingRequest request = sa.requests().outstanding().orElseThrow();
    long elapsed = loop.nanoTime() - request.firstSentNanos();
    if (elapsed >= giveUpAfter(request).toNanos()) {
      LOG.info(
          "{} {} #{} unanswered after {} transmissions, giving up",
          sa, request.exchange(), messageId, request.transmissions());
      request.cancelTimer();
      giveUp.gaveUp(sa, request);
      return;
    }
    LOG.debug("{} retransmitting {} #{}", sa, request.exchange(), messageId);
    transmit(id, request);
  }
}
