package dev.fulmar.core.esp;

/**
 * The integrity algorithms the data path offers with AES-CBC (RFC 4868): HMAC-SHA2 truncated to
 * half the hash length. SHA-1 and MD5 are refused by {@link EspTransform#fromIana}.
 */
public enum EspIntegrity {
  HMAC_SHA2_256_128(12, "HmacSHA256", 32, 16),
  HMAC_SHA2_384_192(13, "HmacSHA384", 48, 24),
  HMAC_SHA2_512_256(14, "HmacSHA512", 64, 32);

  private final int ianaId;
  private final String jceName;
  private final int keyLength;
  private final int icvLength;

  EspIntegrity(int ianaId, String jceName, int keyLength, int icvLength) {
    this.ianaId = ianaId;
    this.jceName = jceName;
    this.keyLength = keyLength;
    this.icvLength = icvLength;
  }

  /** IKEv2 Transform Type 3 identifier (IANA). */
  public int ianaId() {
    return ianaId;
  }

  String jceName() {
    return jceName;
  }

  /** Key length in bytes (RFC 4868 §2.1.1: the full hash output length). */
  public int keyLength() {
    return keyLength;
  }

  /** Truncated ICV length in bytes (RFC 4868 §2.3). */
  public int icvLength() {
    return icvLength;
  }

  /** The constant for an IANA integrity id, or null if this data path does not offer it. */
  static EspIntegrity byIanaId(int id) {
    for (EspIntegrity i : values()) {
      if (i.ianaId == id) {
        return i;
      }
    }
    return null;
  }
}
