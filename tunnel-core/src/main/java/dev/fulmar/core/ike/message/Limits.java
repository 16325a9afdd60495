package dev.fulmar.core.ike.message;

/**
 * Bounds this implementation puts on what it accepts from a peer, so that a decoder's memory and
 * time stay proportional to small constants whatever arrives. These are our choices, not the
 * protocol's (those are in {@link IkeSpec}); each is far above what a real gateway sends.
 */
public final class Limits {

  /** Largest IKE message we decode or encode: the largest UDP payload over IPv4 or IPv6. */
  public static final int MAX_MESSAGE_LENGTH = 65535;

  /** Largest inner payload chain a fragmented message may reassemble to (RFC 7383). */
  public static final int MAX_REASSEMBLED_LENGTH = 65535;

  /** Most fragments of one message (RFC 7383); 128 fragments of 576 octets cover 64 KiB. */
  public static final int MAX_FRAGMENTS = 128;

  /** Most payloads in one chain (the unencrypted ones, or the inner ones of SK). */
  public static final int MAX_PAYLOADS = 128;

  /** Most proposals in one SA payload. */
  public static final int MAX_PROPOSALS = 64;

  /** Most transforms in one proposal. */
  public static final int MAX_TRANSFORMS = 128;

  /** Most attributes in one transform. */
  public static final int MAX_TRANSFORM_ATTRIBUTES = 16;

  /** Most traffic selectors in one TS payload. */
  public static final int MAX_TRAFFIC_SELECTORS = 64;

  /** Most attributes in one CP payload. */
  public static final int MAX_CONFIG_ATTRIBUTES = 128;

  /** Most SPIs in one Delete payload. */
  public static final int MAX_DELETE_SPIS = 1024;

  private Limits() {}
}
