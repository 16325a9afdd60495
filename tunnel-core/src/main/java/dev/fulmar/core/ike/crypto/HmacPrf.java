package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PRF_HMAC_SHA2_256/384/512 (RFC 4868 §2.1.2) and prf+ (RFC 7296 §2.13) on the JCE's HMAC.
 *
 * <p>Thread-safe: each thread keeps its own {@link Mac} per algorithm (there are only three
 * instances of this class), so a call costs one {@code Mac.init} and no provider lookup.
 */
final class HmacPrf implements Prf {

  static final HmacPrf SHA2_256 = new HmacPrf(Algorithms.PRF_HMAC_SHA2_256, "HmacSHA256", 32);
  static final HmacPrf SHA2_384 = new HmacPrf(Algorithms.PRF_HMAC_SHA2_384, "HmacSHA384", 48);
  static final HmacPrf SHA2_512 = new HmacPrf(Algorithms.PRF_HMAC_SHA2_512, "HmacSHA512", 64);

  /** RFC 7296 §2.13: the counter is one octet, so prf+ yields at most 255 blocks. */
  private static final int MAX_BLOCKS = 255;

  private final int transformId;
  private final String jceName;
  private final int outputLength;
  private final ThreadLocal<Mac> macs;

  private HmacPrf(int transformId, String jceName, int outputLength) {
    this.transformId = transformId;
    this.jceName = jceName;
    this.outputLength = outputLength;
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The instance for a supported PRF ID, or null. */
  static HmacPrf of(int transformId) {
    switch (transformId) {
      case Algorithms.PRF_HMAC_SHA2_256:
        return SHA2_256;
      case Algorithms.PRF_HMAC_SHA2_384:
        return SHA2_384;
      case Algorithms.PRF_HMAC_SHA2_512:
        return SHA2_512;
      default:
        return null;
    }
  }

  @Override
  public int transformId() {
    return transformId;
  }

  @Override
  public int outputLength() {
    return outputLength;
  }

  /** RFC 4868 §2.1.2: the preferred key length of HMAC-SHA-2 is the hash output length. */
  @Override
  public int keyLength() {
    return outputLength;
  }

  @Override
  public byte[] apply(byte[] key, byte[] data) {
    return keyed(key).doFinal(data);
  }

  @Override
  public byte[] expand(byte[] key, byte[] seed, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("prf+ length must not be negative: " + length);
    }
    int blocks = (length + outputLength - 1) / outputLength;
    if (blocks > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "prf+ can produce at most "
              + MAX_BLOCKS * outputLength
              + " bytes with "
              + Algorithms.name(TransformKind.PRF, transformId)
              + ", asked for "
              + length);
    }
    Mac mac = keyed(key);
    byte[] out = new byte[length];
    byte[] previous = new byte[0];
    for (int n = 1; n <= blocks; n++) {
      // T(n) = prf(K, T(n-1) | S | n), with T(0) empty.
      mac.update(previous);
      mac.update(seed);
      mac.update((byte) n);
      byte[] block = mac.doFinal();
      int offset = (n - 1) * outputLength;
      System.arraycopy(block, 0, out, offset, Math.min(outputLength, length - offset));
      Arrays.fill(previous, (byte) 0);
      previous = block;
    }
    Arrays.fill(previous, (byte) 0);
    return out;
  }

  @Override
  public String toString() {
    return Algorithms.name(TransformKind.PRF, transformId);
  }

  private Mac keyed(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("a PRF key must not be empty");
    }
    Mac mac = macs.get();
    try {
      mac.init(new SecretKeySpec(key, jceName));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jceName + " refused a raw key", e);
    }
    return mac;
  }

  private Mac newMac() {
    try {
      return Mac.getInstance(jceName);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + jceName, e);
    }
  }
}
