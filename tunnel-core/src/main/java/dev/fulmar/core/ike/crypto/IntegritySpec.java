package dev.fulmar.core.ike.crypto;

/**
 * The HMAC-SHA-2 integrity algorithms of RFC 4868 §2: the key is as long as the hash output and the
 * ICV is the output truncated to half its length.
 */
enum IntegritySpec {
  HMAC_SHA2_256_128(Algorithms.AUTH_HMAC_SHA2_256_128, "HmacSHA256", 32, 16),
  HMAC_SHA2_384_192(Algorithms.AUTH_HMAC_SHA2_384_192, "HmacSHA384", 48, 24),
  HMAC_SHA2_512_256(Algorithms.AUTH_HMAC_SHA2_512_256, "HmacSHA512", 64, 32);

  final int transformId;
  final String jceName;
  final int keyLength;
  final int icvLength;

  IntegritySpec(int transformId, String jceName, int keyLength, int icvLength) {
    this.transformId = transformId;
    this.jceName = jceName;
    this.keyLength = keyLength;
    this.icvLength = icvLength;
  }

  /** The spec for a supported transform ID, or null. */
  static IntegritySpec of(int transformId) {
    for (IntegritySpec spec : values()) {
      if (spec.transformId == transformId) {
        return spec;
      }
    }
    return null;
  }
}
