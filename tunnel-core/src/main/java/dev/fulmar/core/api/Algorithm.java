package dev.fulmar.core.api;

import dev.fulmar.core.ike.crypto.AlgorithmPolicy;
import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.Optional;

/**
 * The algorithms the engine negotiates, by IANA transform type and ID (RFC 7296 §3.3.2, IKEv2
 * registries, whose IDs and names live in {@link Algorithms}), with the name users see and the
 * strongSwan keyword in which proposals are printed. The weak ones are listed only so that a
 * profile or a gateway asking for them is refused with the algorithm's name; whether one is weak
 * is {@link AlgorithmPolicy}'s decision (RFC 8221, RFC 8247). They are never offered.
 */
public enum Algorithm {
  // Transform type 1: encryption.
  AES_CBC_128(Kind.ENCRYPTION, Algorithms.ENCR_AES_CBC, 128, "aes128", "AES-CBC-128"),
  AES_CBC_256(Kind.ENCRYPTION, Algorithms.ENCR_AES_CBC, 256, "aes256", "AES-CBC-256"),
  AES_GCM_16_128(Kind.ENCRYPTION, Algorithms.ENCR_AES_GCM_16, 128, "aes128gcm16", "AES-GCM-16-128"),
  AES_GCM_16_256(Kind.ENCRYPTION, Algorithms.ENCR_AES_GCM_16, 256, "aes256gcm16", "AES-GCM-16-256"),
  CHACHA20_POLY1305(
      Kind.ENCRYPTION, Algorithms.ENCR_CHACHA20_POLY1305, 0, "chacha20poly1305",
      "ChaCha20-Poly1305"),
  DES(Kind.ENCRYPTION, Algorithms.ENCR_DES, 0, "des", "DES"),
  TRIPLE_DES(Kind.ENCRYPTION, Algorithms.ENCR_3DES, 0, "3des", "3DES"),
  BLOWFISH(Kind.ENCRYPTION, Algorithms.ENCR_BLOWFISH, 128, "blowfish", "Blowfish"),
  // Transform type 2: pseudorandom function.
  PRF_HMAC_SHA2_256(Kind.PRF, Algorithms.PRF_HMAC_SHA2_256, 0, "prfsha256", "PRF-HMAC-SHA2-256"),
  PRF_HMAC_SHA2_384(Kind.PRF, Algorithms.PRF_HMAC_SHA2_384, 0, "prfsha384", "PRF-HMAC-SHA2-384"),
  PRF_HMAC_SHA2_512(Kind.PRF, Algorithms.PRF_HMAC_SHA2_512, 0, "prfsha512", "PRF-HMAC-SHA2-512"),
  PRF_HMAC_MD5(Kind.PRF, Algorithms.PRF_HMAC_MD5, 0, "prfmd5", "PRF-HMAC-MD5"),
  PRF_HMAC_SHA1(Kind.PRF, Algorithms.PRF_HMAC_SHA1, 0, "prfsha1", "PRF-HMAC-SHA1"),
  // Transform type 3: integrity.
  HMAC_SHA2_256_128(
      Kind.INTEGRITY, Algorithms.AUTH_HMAC_SHA2_256_128, 0, "sha256", "HMAC-SHA2-256-128"),
  HMAC_SHA2_384_192(
      Kind.INTEGRITY, Algorithms.AUTH_HMAC_SHA2_384_192, 0, "sha384", "HMAC-SHA2-384-192"),
  HMAC_SHA2_512_256(
      Kind.INTEGRITY, Algorithms.AUTH_HMAC_SHA2_512_256, 0, "sha512", "HMAC-SHA2-512-256"),
  HMAC_MD5_96(Kind.INTEGRITY, Algorithms.AUTH_HMAC_MD5_96, 0, "md5", "HMAC-MD5-96"),
  HMAC_SHA1_96(Kind.INTEGRITY, Algorithms.AUTH_HMAC_SHA1_96, 0, "sha1", "HMAC-SHA1-96"),
  // Transform type 4 (and 6..12 for additional key exchanges): key exchange method.
  MODP_768(Kind.KEY_EXCHANGE, Algorithms.MODP_768, 0, "modp768", "MODP-768"),
  MODP_1024(Kind.KEY_EXCHANGE, Algorithms.MODP_1024, 0, "modp1024", "MODP-1024"),
  MODP_1536(Kind.KEY_EXCHANGE, Algorithms.MODP_1536, 0, "modp1536", "MODP-1536"),
  MODP_2048(Kind.KEY_EXCHANGE, Algorithms.MODP_2048, 0, "modp2048", "MODP-2048"),
  MODP_3072(Kind.KEY_EXCHANGE, Algorithms.MODP_3072, 0, "modp3072", "MODP-3072"),
  MODP_4096(Kind.KEY_EXCHANGE, Algorithms.MODP_4096, 0, "modp4096", "MODP-4096"),
  ECP_256(Kind.KEY_EXCHANGE, Algorithms.ECP_256, 0, "ecp256", "ECP-256"),
  ECP_384(Kind.KEY_EXCHANGE, Algorithms.ECP_384, 0, "ecp384", "ECP-384"),
  ECP_521(Kind.KEY_EXCHANGE, Algorithms.ECP_521, 0, "ecp521", "ECP-521"),
  CURVE25519(Kind.KEY_EXCHANGE, Algorithms.CURVE_25519, 0, "curve25519", "Curve25519"),
  ML_KEM_512(Kind.KEY_EXCHANGE, Algorithms.ML_KEM_512, 0, "mlkem512", "ML-KEM-512"),
  ML_KEM_768(Kind.KEY_EXCHANGE, Algorithms.ML_KEM_768, 0, "mlkem768", "ML-KEM-768"),
  ML_KEM_1024(Kind.KEY_EXCHANGE, Algorithms.ML_KEM_1024, 0, "mlkem1024", "ML-KEM-1024"),
  /** "No additional key exchange": makes an additional key exchange optional (RFC 9370 §2.2). */
  KE_NONE(Kind.KEY_EXCHANGE, Algorithms.KE_NONE, 0, "none", "none"),
  // Transform type 5: extended sequence numbers (ESP only).
  NO_ESN(Kind.ESN, 0, 0, "noesn", "no ESN"),
  ESN(Kind.ESN, 1, 0, "esn", "ESN");

  /** What a transform does; maps to the IANA transform type. */
  public enum Kind {
    ENCRYPTION(TransformKind.ENCRYPTION),
    PRF(TransformKind.PRF),
    INTEGRITY(TransformKind.INTEGRITY),
    KEY_EXCHANGE(TransformKind.KEY_EXCHANGE),
    /** Extended sequence numbers, transform type 5: not a cryptographic algorithm. */
    ESN(null);

    private final TransformKind crypto;

    Kind(TransformKind crypto) {
      this.crypto = crypto;
    }

    /** IANA transform type (for KEY_EXCHANGE: the main one, 4; additional ones are 6..12). */
    public int transformType() {
      return crypto == null ? 5 : crypto.transformType();
    }

    /** The kind as the algorithm policy knows it; null for {@link #ESN}. */
    TransformKind crypto() {
      return crypto;
    }

    /** The kind of IANA transform type 1..5 (6..12 are key exchanges too), if any. */
    static Optional<Kind> ofTransformType(int type) {
      if (type >= 6 && type <= 12) {
        return Optional.of(KEY_EXCHANGE);
      }
      for (Kind k : values()) {
        if (k.transformType() == type) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  private final Kind kind;
  private final int transformId;
  private final int keyBits;
  private final String keyword;
  private final String displayName;

  Algorithm(Kind kind, int id, int keyBits, String keyword, String name) {
    this.kind = kind;
    this.transformId = id;
    this.keyBits = keyBits;
    this.keyword = keyword;
    this.displayName = name;
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

  /** Whether Fulmar refuses this algorithm as weak ({@link AlgorithmPolicy}). */
  public boolean isWeak() {
    return kind.crypto() != null && AlgorithmPolicy.isWeak(kind.crypto(), transformId);
  }

  /** Whether this is an AEAD cipher (no separate integrity transform). */
  public boolean isAead() {
    return kind == Kind.ENCRYPTION && AlgorithmPolicy.isAead(transformId);
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

  @Override
  public String toString() {
    return displayName;
  }
}
