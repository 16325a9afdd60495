package dev.fulmar.control;

/**
 * The control protocol's version numbers. A client names the range it speaks in {@code hello};
 * the helper answers with the highest version both speak, or refuses with {@code
 * UNSUPPORTED_VERSION}. Within one version, messages only gain optional fields (old readers ignore
 * them); a new message type, a removed field or a new enum constant needs a new version.
 */
public final class ProtocolVersion {
  /** The oldest version this build speaks. */
  public static final int MIN = 1;
  /** The newest version this build speaks. */
  public static final int MAX = 1;

  private ProtocolVersion() {}

  /**
   * The version a peer speaking {@code [peerMin, peerMax]} and this build agree on, or -1 when the
   * ranges do not overlap.
   */
  public static int negotiate(int peerMin, int peerMax) {
    int high = Math.min(MAX, peerMax);
    return high >= Math.max(MIN, peerMin) ? high : -1;
  }
}
