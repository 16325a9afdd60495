package dev.fulmar.core.ike.sa;

import java.util.List;

/**
 * Message IDs of the requests the gateway initiates on one IKE SA (RFC 7296 §2.2, window of one):
 * a request with the expected ID is new, one with the previous ID is a retransmission and gets the
 * cached response again (§2.1: responders never retransmit on their own), anything else is dropped.
 */
public final class ResponseWindow {
  /** How an incoming request's message ID relates to the window. */
  public enum Verdict {
    NEW,
    RETRANSMISSION,
    OUT_OF_WINDOW
  }

  private long expectedMessageId;
  private List<byte[]> lastResponse = List.of();

  public ResponseWindow() {}

  /** A window whose first expected ID is not 0 (e.g. after IKE_AUTH on a rekeyed SA). */
  public ResponseWindow(long firstExpected) {
    this.expectedMessageId = firstExpected;
  }

  public long expectedMessageId() {
    return expectedMessageId;
  }

  public Verdict classify(long messageId) {
    if (messageId == expectedMessageId) {
      return Verdict.NEW;
    }
    if (messageId == expectedMessageId - 1 && !lastResponse.isEmpty()) {
      return Verdict.RETRANSMISSION;
    }
    return Verdict.OUT_OF_WINDOW;
  }

  /** We answered the expected request; keep the response for retransmitted requests. */
  public void responded(List<byte[]> responseDatagrams) {
    lastResponse = List.copyOf(responseDatagrams);
    expectedMessageId++;
  }

  /** The datagrams of our last response. */
  public List<byte[]> lastResponse() {
    return lastResponse;
  }
}
