package dev.fulmar.core.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The algorithms a profile can name, with their IANA transform type and ID (RFC 7296 §3.3.2, IKEv2
 * registries) and the strongSwan proposal keyword used in profiles. The weak ones are listed only
 * so that a profile or a gateway asking for them is refused with the algorithm's name (RFC 8221,
 * RFC 8247); they are never offered.
 */
public enum Algorithm {
  // Transform type 1: encryption.
  AES_CBC_128(Kind.ENCRYPTION, 12, 128, "aes128", "AES-CBC-128", false),
  AES_CBC_192(Kind.ENCRYPTION, 12, 192, "aes192", "AES-CBC-192", false),
  AES_CBC_256(Kind.ENCRYPTION, 12, 256, "aes256", "AES-CBC-256", false),
  AES_GCM_16_128(Kind.ENCRYPTION, 20, 128, "aes128gcm16", "AES-GCM-16-128", false),
  AES_GCM_16_192(Kind.ENCRYPTION, 20, 192, "aes192gcm16", "AES-GCM-16-192", false),
  AES_GCM_16_256(Kind.ENCRYPTION, 20, 256, "aes256gcm16", "AES-GCM-16-256", false),
  CHACHA20_POLY1305(Kind.ENCRYPTION, 28, 0, "chacha20poly1305", "ChaCha20-Poly1305", false),
  DES(Kind.ENCRYPTION, 2, 0, "des", "DES", true),
  TRIPLE_DES(Kind.ENCRYPTION, 3, 0, "3des", "3DES", true),
  BLOWFISH(Kind.ENCRYPTION, 7, 128, "blowfish", "Blowfish", true),
  // Transform type 2: pseudorandom function.
  PRF_HMAC_SHA2_256(Kind.PRF, 5, 0, "prfsha256", "PRF-HMAC-SHA2-256", false),
  PRF_HMAC_SHA2_384(Kind.PRF, 6, 0, "prfsha384", "PRF-HMAC-SHA2-384", false),
  PRF_HMAC_SHA2_512(Kind.PRF, 7, 0, "prfsha512", "PRF-HMAC-SHA2-512", false),
  PRF_HMAC_MD5(Kind.PRF, 1, 0, "prfmd5", "PRF-HMAC-MD5", true),
  PRF_HMAC_SHA1(Kind.PRF, 2, 0, "prfsha1", "PRF-HMAC-SHA1", true),
  // Transform type 3: integrity.
  HMAC_SHA2_256_128(Kind.INTEGRITY, 12, 0, "sha256", "HMAC-SHA2-256-128", false),
  HMAC_SHA2_384_192(Kind.INTEGRITY, 13, 0, "sha384", "HMAC-SHA2-384-192", false),
  HMAC_SHA2_512_256(Kind.INTEGRITY, 14, 0, "sha512", "HMAC-SHA2-512-256", false),
  HMAC_MD5_96(Kind.INTEGRITY, 1, 0, "md5", "HMAC-MD5-96", true),
  HMAC_SHA1_96(Kind.INTEGRITY, 2, 0, "sha1", "HMAC-SHA1-96", true),
  // Transform type 4 (and 6..12 for additional key exchanges): key exchange method.
  MODP_768(Kind.KEY_EXCHANGE, 1, 0, "modp768", "MODP-768", true),
  MODP_1024(Kind.KEY_EXCHANGE, 2, 0, "modp1024", "MODP-1024", true),
  MODP_1536(Kind.KEY_EXCHANGE, 5, 0, "modp1536", "MODP-1536", true),
  MODP_2048(Kind.KEY_EXCHANGE, 14, 0, "modp2048", "MODP-2048", false),
  MODP_3072(Kind.KEY_EXCHANGE, 15, 0, "modp3072", "MODP-3072", false),
  MODP_4096(Kind.KEY_EXCHANGE, 16, 0, "modp4096", "MODP-4096", false),
  ECP_256(Kind.KEY_EXCHANGE, 19, 0, "ecp256", "ECP-256", false),
  ECP_384(Kind.KEY_EXCHANGE, 20, 0, "ecp384", "ECP-384", false),
  ECP_521(Kind.KEY_EXCHANGE, 21, 0, "ecp521", "ECP-521", false),
  CURVE25519(Kind.KEY_EXCHANGE, 31, 0, "curve25519", "Curve25519", false),
  ML_KEM_512(Kind.KEY_EXCHANGE, 35, 0, "mlkem512", "ML-KEM-512", false),
  ML_KEM_768(Kind.KEY_EXCHANGE, 36, 0, "mlkem768", "ML-KEM-768", false),
  ML_KEM_1024(Kind.KEY_EXCHANGE, 37, 0, "mlkem1024", "ML-KEM-1024", false),
  /** "No additional key exchange": makes an additional key exchange optional (RFC 9370 §2.2). */
  KE_NONE(Kind.KEY_EXCHANGE, 0, 0, "none", "none", false),
  // Transform type 5: extended sequence numbers (ESP only).
  NO_ESN(Kind.ESN, 0, 0, "noesn", "no ESN", false),
  ESN(Kind.ESN, 1, 0, "esn", "ESN", false);

  /** What a transform does; maps to the IANA transform type. */
  public enum Kind {
    ENCRYPTION(1),
    PRF(2),
    INTEGRITY(3),
    KEY_EXCHANGE(4),
    ESN(5);

    private final int transformType;

    Kind(int transformType) {
      this.transformType = transformType;
    }

    /** IANA transform type (for KEY_EXCHANGE: the main one, 4; additional ones are 6..12). */
    public int transformType() {
      return transformType;
    }
  }

  private final Kind kind;
  private final int transformId;
  private final int keyBits;
  private final String keyword;
  private final String displayName;
  private final boolean weak;

  Algorithm(Kind kind, int id, int keyBits, String keyword, String name, boolean weak) {
    this.kind = kind;
    this.transformId = id;
    this.keyBits = keyBits;
    this.keyword = keyword;
    this.displayName = name;
    this.weak = weak;
  }

  public Kind kind() {
    return kind;
  }

  /** The IANA transform ID within {@link #kind()}'s transform type. */
  public int transformId() {
    return transformId;
  }

  /** The Key Length attribute in bits, or 0 when the algorithm takes none. */
  public int keyBits() {
    return keyBits;
  }

  /** The proposal keyword (strongSwan syntax), e.g. {@code aes256gcm16}. */
  public String keyword() {
    return keyword;
  }

  /** The name shown to users and in logs, e.g. {@code AES-GCM-16-256}. */
  public String displayName() {
    return displayName;
  }

  /** Whether Fulmar refuses this algorithm (RFC 8221 / RFC 8247 and the project's policy). */
  public boolean isWeak() {
    return weak;
  }

  /** Whether this is an AEAD cipher (no separate integrity transform). */
  public boolean isAead() {
    return this == AES_GCM_16_128
        || this == AES_GCM_16_192
        || this == AES_GCM_16_256
        || this == CHACHA20_POLY1305;
  }

  /** Whether this is a post-quantum key encapsulation mechanism. */
  public boolean isPostQuantum() {
    return this == ML_KEM_512 || this == ML_KEM_768 || this == ML_KEM_1024;
  }

  /** The algorithm of a kind with this transform ID and key length, if we know it. */
  public static Optional<Algorithm> find(Kind kind, int transformId, int keyBits) {
    for (Algorithm a : values()) {
      if (a.kind == kind && a.transformId == transformId && a.keyBits == keyBits) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The algorithm with this proposal keyword (case-insensitive), if any. */
  static Optional<Algorithm> byKeyword(String keyword) {
    String k = keyword.toLowerCase(Locale.ROOT);
    for (Algorithm a : values()) {
      if (a.keyword.equals(k)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return displayName;
  }
}
