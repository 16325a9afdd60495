package dev.fulmar.core.ike.sa;

import dev.fulmar.core.api.SessionLoop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request we sent and whose response we wait for: the datagrams to send again (all fragments,
 * RFC 7383 §2.6.3), when it was first sent and how often, and its retransmission timer.
 */
public final class OutstandingRequest {
  private final long messageId;
  private final String exchange;
  private final List<byte[]> datagrams;
  private final long firstSentNanos;
  private final Duration giveUpAfter;
  private int transmissions;
  private SessionLoop.Timer timer;

  public OutstandingRequest(
      long messageId, String exchange, List<byte[]> datagrams, long firstSentNanos) {
    this(messageId, exchange, datagrams, firstSentNanos, null);
  }

  /**
   * A request that is given up after {@code giveUpAfter} instead of the session's retransmission
   * policy's give-up time (null: the policy's).
   */
  public OutstandingRequest(long messageId, String exchange, List<byte[]> datagrams,
      long firstSentNanos, Duration giveUpAfter) {
    this.messageId = messageId;
    this.exchange = exchange;
    this.datagrams = List.copyOf(datagrams);
    this.firstSentNanos = firstSentNanos;
    this.giveUpAfter = giveUpAfter;
  }

  /** A give-up time of this request's own, if it has one. */
  public Optional<Duration> giveUpAfter() {
    return Optional.ofNullable(giveUpAfter);
  }

  public long messageId() {
    return messageId;
  }

  /** The exchange name, for logs and failure messages. */
  public String exchange() {
    return exchange;
  }

  public List<byte[]> datagrams() {
    return datagrams;
  }

  public long firstSentNanos() {
    return firstSentNanos;
  }

  /** How often the request went out so far (1 after the first transmission). */
  public int transmissions() {
    return transmissions;
  }

  public void countTransmission() {
    transmissions++;
  }

  /** Replaces the pending retransmission timer, cancelling the old one. */
  public void setTimer(SessionLoop.Timer next) {
    cancelTimer();
    timer = next;
  }

  public void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
