package dev.fulmar.control;

import java.time.Duration;

/**
 * Implementation limits of the control protocol (as opposed to protocol constants in {@link
 * ProtocolVersion}). They bound what one client can make the helper hold, so that a slow or
 * hostile client cannot starve the others or the tunnel.
 */
public final class Limits {
  /** Longest request line the helper reads, without the newline. */
  public static final int MAX_REQUEST_LINE_BYTES = 1 << 20;
  /** Longest line a client reads from the helper (a diagnostics bundle is the largest). */
  public static final int MAX_REPLY_LINE_BYTES = 16 << 20;
  /** Deepest JSON nesting accepted in a message. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Requests of one client being worked on at once; more are refused with TOO_MANY_PENDING. */
  public static final int MAX_PENDING_PER_CLIENT = 16;
  /** Clients connected at once; more are refused with TOO_MANY_CLIENTS and closed. */
  public static final int MAX_CLIENTS = 64;
  /** Bytes queued for one client that does not read; past this it is disconnected. */
  public static final int MAX_OUTBOUND_BYTES = 8 << 20;
  /** Malformed or refused lines one client may send before it is disconnected. */
  public static final int MAX_PROTOCOL_ERRORS = 16;
  /** Time a client has to send {@code hello} after connecting. */
  public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
  /** Time a started line may stay incomplete (slow senders are cut off). */
  public static final Duration PARTIAL_LINE_TIMEOUT = Duration.ofSeconds(10);
  /** Log lines the helper keeps in its ring buffer. */
  public static final int LOG_RING_LINES = 2000;

  private Limits() {}
}
