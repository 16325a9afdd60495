package dev.fulmar.core.ike.crypto;

/** Looks up the {@link Prf} for a negotiated PRF transform ID. */
public final class Prfs {

  private Prfs() {}

  /**
   * The PRF for {@code transformId} (Transform Type 2), checked against {@link AlgorithmPolicy}.
   * The instances are shared and thread-safe.
   *
   * @throws RefusedAlgorithmException for PRF_HMAC_MD5, PRF_HMAC_SHA1, unsupported or unknown IDs
   */
  public static Prf of(int transformId) throws RefusedAlgorithmException {
    AlgorithmPolicy.checkPrf(transformId);
    return HmacPrf.of(transformId);
  }
}
