package dev.fulmar.core.ike.sa;

import java.util.Optional;

/**
 * Message IDs of the requests we initiate on one IKE SA (RFC 7296 §2.2), with a window of one
 * (§2.3): one outstanding request at a time, IDs counting up from 0. IKE_SA_INIT retries after
 * COOKIE or INVALID_KE_PAYLOAD reuse ID 0 (§2.6, §1.2).
 */
public final class RequestWindow {
  private long nextMessageId;
  private OutstandingRequest outstanding;

  /** The ID the next new request gets. */
  public long nextMessageId() {
    return nextMessageId;
  }

  /** Whether a request is waiting for its response. */
  public boolean busy() {
    return outstanding != null;
  }

  public Optional<OutstandingRequest> outstanding() {
    return Optional.ofNullable(outstanding);
  }

  /** Records a sent request; its ID must be {@link #nextMessageId()}. */
  public void sent(OutstandingRequest request) {
    if (outstanding != null) {
      throw new IllegalStateException("request " + outstanding.messageId() + " still outstanding");
    }
    if (request.messageId() != nextMessageId) {
      throw new IllegalStateException(
          "message ID " + request.messageId() + ", expected " + nextMessageId);
    }
    outstanding = request;
  }

  /**
   * Whether a response with {@code messageId} answers the outstanding request. A response to
   * anything else (a late duplicate, a forgery) is ignored by the caller.
   */
  public boolean matches(long messageId) {
    return outstanding != null && outstanding.messageId() == messageId;
  }

  /** The response arrived: the request is done and the next request gets the next ID. */
  public void completed() {
    cancelTimer();
    outstanding = null;
    nextMessageId++;
  }

  /** The request is answered but must be sent again with the same ID (COOKIE, INVALID_KE). */
  public void retrySameId() {
    cancelTimer();
    outstanding = null;
  }

  void cancelTimer() {
    if (outstanding != null) {
      outstanding.cancelTimer();
    }
  }
}
