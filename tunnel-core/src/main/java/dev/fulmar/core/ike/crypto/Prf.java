package dev.fulmar.core.ike.crypto;

/**
 * A pseudorandom function of an IKE SA (RFC 7296 §2.13), with the prf+ expansion built on it.
 *
 * <p>Implementations are stateless and thread-safe; key material passed in is not retained.
 */
public interface Prf {

  /** The IANA transform ID (Transform Type 2), e.g. 5 for PRF_HMAC_SHA2_256. */
  int transformId();

  /** Output length of one {@link #apply} call in bytes. */
  int outputLength();

  /** The key length used for SK_d, SK_pi and SK_pr (RFC 7296 §2.13: the PRF's preferred key size). */
  int keyLength();

  /** {@code prf(key, data)}. */
  byte[] apply(byte[] key, byte[] data);

  /**
   * {@code prf+(key, seed)} truncated to {@code length} bytes (RFC 7296 §2.13): T1 = prf(K, S |
   * 0x01), Tn = prf(K, Tn-1 | S | n). At most 255 blocks.
   *
   * @throws IllegalArgumentException if {@code length} needs more than 255 blocks
   */
  byte[] expand(byte[] key, byte[] seed, int length);
}
