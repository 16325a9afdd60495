package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that decides which algorithms Fulmar accepts for IKE (RFC 8247) and ESP (RFC 8221),
 * for our own proposals and for a gateway's choice alike.
 *
 * <p>Weak algorithms (DES, 3DES, Blowfish and the other 64-bit block ciphers, NULL encryption, MD5
 * and SHA-1 as PRF or integrity, MODP groups below 2048 bits and the RFC 5114 groups) are refused
 * with a {@link RefusedAlgorithmException} whose message names the algorithm and the reason;
 * anything else that is not implemented here, including unknown IDs, is refused as unsupported.
 * There is deliberately no switch to allow weak algorithms: a profile cannot downgrade silently.
 */
public final class AlgorithmPolicy {

  private static final String RFC8221_8247_MUST_NOT =
      "RFC 8221 (ESP) and RFC 8247 (IKE) say MUST NOT";
  private static final String BROKEN_MD5 = "MD5 is broken (practical collisions); ";
  private static final String SHA1_PHASED_OUT =
      "SHA-1 integrity is being phased out; RFC 8221 (ESP) and RFC 8247 (IKE) demote it to MUST-";
  private static final String SMALL_MODP =
      "MODP groups below 2048 bits are within reach of well-funded attackers; ";

  /** Weak algorithms, with the human name and the reason, by kind and ID. */
  private static final Map<TransformKind, Map<Integer, Refusal>> WEAK =
      Map.of(
          TransformKind.ENCRYPTION,
          Map.ofEntries(
              weak(
                  ENCR_DES_IV64,
                  "DES",
                  "56-bit key, found by brute force; " + RFC8221_8247_MUST_NOT),
              weak(ENCR_DES, "DES", "56-bit key, found by brute force; " + RFC8221_8247_MUST_NOT),
              weak(
                  ENCR_DES_IV32,
                  "DES",
                  "56-bit key, found by brute force; " + RFC8221_8247_MUST_NOT),
              weak(
                  ENCR_3DES,
                  "3DES",
                  "64-bit block cipher, open to birthday attacks on long-lived SAs (Sweet32);"
                      + " RFC 8221 says SHOULD NOT for ESP and RFC 8247 keeps it only as MAY"
                      + " for old IKE peers"),
              weak(ENCR_BLOWFISH, "Blowfish", "64-bit block cipher; RFC 8221 says MUST NOT"),
              weak(ENCR_RC5, "RC5", "obsolete 64-bit block cipher, deprecated by RFC 9395"),
              weak(ENCR_IDEA, "IDEA", "obsolete 64-bit block cipher, deprecated by RFC 9395"),
              weak(ENCR_3IDEA, "3IDEA", "obsolete 64-bit block cipher, deprecated by RFC 9395"),
              weak(ENCR_CAST, "CAST", "obsolete 64-bit block cipher, deprecated by RFC 9395"),
              weak(ENCR_NULL, "NULL encryption", "it sends the traffic unencrypted"),
              weak(
                  ENCR_NULL_AUTH_AES_GMAC,
                  "AES-GMAC without encryption",
                  "it sends the traffic unencrypted")),
          TransformKind.PRF,
          Map.of(
              PRF_HMAC_MD5, pair("HMAC-MD5", BROKEN_MD5 + "RFC 8247 says MUST NOT"),
              PRF_HMAC_SHA1,
                  pair("HMAC-SHA-1", "SHA-1 is being phased out; RFC 8247 demotes it to MUST-"),
              PRF_HMAC_TIGER, pair("HMAC-Tiger", "obsolete, deprecated by RFC 9395")),
          TransformKind.INTEGRITY,
          Map.of(
              AUTH_HMAC_MD5_96, pair("HMAC-MD5-96", BROKEN_MD5 + RFC8221_8247_MUST_NOT),
              AUTH_KPDK_MD5, pair("KPDK-MD5", BROKEN_MD5 + RFC8221_8247_MUST_NOT),
              AUTH_HMAC_MD5_128, pair("HMAC-MD5-128", BROKEN_MD5 + "deprecated by RFC 9395"),
              AUTH_DES_MAC, pair("DES-MAC", "56-bit DES key; " + RFC8221_8247_MUST_NOT),
              AUTH_HMAC_SHA1_96, pair("HMAC-SHA-1-96", SHA1_PHASED_OUT),
              AUTH_HMAC_SHA1_160, pair("HMAC-SHA-1-160", SHA1_PHASED_OUT)),
          TransformKind.KEY_EXCHANGE,
          Map.of(
              MODP_768, pair("768-bit MODP group 1", SMALL_MODP + "RFC 8247 says MUST NOT"),
              MODP_1024, pair("1024-bit MODP group 2", SMALL_MODP + "RFC 8247 says SHOULD NOT"),
              MODP_1536, pair("1536-bit MODP group 5", SMALL_MODP + "RFC 8247 says SHOULD NOT"),
              MODP_1024_160,
                  pair(
                      "1024-bit MODP group 22 with a 160-bit subgroup",
                      SMALL_MODP + "RFC 8247 says SHOULD NOT"),
              MODP_2048_224,
                  pair(
                      "2048-bit MODP group 23 with a 224-bit subgroup",
                      "RFC 5114 group whose small subgroup and unexplained generation make it"
                          + " doubtful; RFC 8247 says SHOULD NOT"),
              MODP_2048_256,
                  pair(
                      "2048-bit MODP group 24 with a 256-bit subgroup",
                      "RFC 5114 group whose small subgroup and unexplained generation make it"
                          + " doubtful; RFC 8247 says SHOULD NOT"),
              ECP_192, pair("192-bit random ECP group 25", "only 96-bit security")));

  /** Supported IDs by kind, in this client's order of preference. */
  private static final Map<TransformKind, List<Integer>> SUPPORTED =
      Map.of(
          TransformKind.ENCRYPTION,
          List.of(ENCR_AES_GCM_16, ENCR_CHACHA20_POLY1305, ENCR_AES_CBC),
          TransformKind.PRF,
          List.of(PRF_HMAC_SHA2_256, PRF_HMAC_SHA2_384, PRF_HMAC_SHA2_512),
          TransformKind.INTEGRITY,
          List.of(AUTH_HMAC_SHA2_256_128, AUTH_HMAC_SHA2_384_192, AUTH_HMAC_SHA2_512_256),
          TransformKind.KEY_EXCHANGE,
          List.of(
              CURVE_25519,
              ECP_256,
              ECP_384,
              ECP_521,
              MODP_2048,
              MODP_3072,
              MODP_4096,
              ML_KEM_768,
              ML_KEM_1024,
              ML_KEM_512));

  private AlgorithmPolicy() {}

  /**
   * The transform IDs accepted for {@code kind}, in this client's order of preference. For {@link
   * TransformKind#INTEGRITY} this excludes NONE, which is accepted only with an AEAD cipher.
   */
  public static List<Integer> supported(TransformKind kind) {
    return SUPPORTED.get(kind);
  }

  /** Whether {@code id} is accepted for {@code kind} (key lengths are checked separately). */
  public static boolean isSupported(TransformKind kind, int id) {
    return SUPPORTED.get(kind).contains(id);
  }

  /**
   * Whether {@code id} is refused for {@code kind} because it is weak (as opposed to merely not
   * implemented): the decision {@link RefusedAlgorithmException#isWeak()} reports.
   */
  public static boolean isWeak(TransformKind kind, int id) {
    return WEAK.get(kind).containsKey(id);
  }

  /**
   * The Key Length attribute values (bits) accepted with an encryption algorithm; empty when the
   * transform takes no Key Length attribute (ChaCha20-Poly1305) or is not supported.
   */
  public static List<Integer> supportedKeyLengths(int encryptionId) {
    EncryptionSpec spec = EncryptionSpec.of(encryptionId);
    return spec == null ? List.of() : spec.keyLengths;
  }

  /** Whether a supported encryption algorithm is an AEAD (then integrity must be NONE). */
  public static boolean isAead(int encryptionId) {
    EncryptionSpec spec = EncryptionSpec.of(encryptionId);
    return spec != null && spec.aead;
  }

  /**
   * Accepts an encryption algorithm with its Key Length attribute ({@code keyBits}, 0 = absent).
   *
   * @throws RefusedAlgorithmException naming the algorithm and the reason
   */
  public static void checkEncryption(int id, int keyBits) throws RefusedAlgorithmException {
    check(TransformKind.ENCRYPTION, id);
    List<Integer> lengths = supportedKeyLengths(id);
    String name = Algorithms.name(TransformKind.ENCRYPTION, id);
    if (lengths.isEmpty() && keyBits != 0) {
      throw new RefusedAlgorithmException(
          TransformKind.ENCRYPTION,
          id,
          keyBits,
          false,
          name
              + " with a Key Length attribute of "
              + keyBits
              + " bits is refused: this transform takes no Key Length attribute (RFC 7634)");
    }
    if (!lengths.isEmpty() && !lengths.contains(keyBits)) {
      String got =
          keyBits == 0 ? "without a Key Length attribute" : "with a " + keyBits + "-bit key";
      throw new RefusedAlgorithmException(
          TransformKind.ENCRYPTION,
          id,
          keyBits,
          false,
          name + " " + got + " is refused: supported key lengths are " + lengths + " bits");
    }
  }

  /** Accepts a PRF (IKE only). */
  public static void checkPrf(int id) throws RefusedAlgorithmException {
    check(TransformKind.PRF, id);
  }

  /**
   * Accepts the integrity algorithm that goes with encryption algorithm {@code encryptionId}: NONE
   * with an AEAD (RFC 5282 §8, RFC 8221 §6), one of the supported HMACs otherwise.
   */
  public static void checkIntegrity(int id, int encryptionId) throws RefusedAlgorithmException {
    boolean aead = isAead(encryptionId);
    if (id == AUTH_NONE && !aead) {
      throw new RefusedAlgorithmException(
          TransformKind.INTEGRITY,
          id,
          0,
          true,
          "No integrity algorithm (NONE) with "
              + Algorithms.name(TransformKind.ENCRYPTION, encryptionId)
              + " is refused: a non-AEAD cipher without integrity protection lets anyone alter"
              + " the traffic; RFC 8221 and RFC 8247 require an integrity algorithm");
    }
    if (aead && id != AUTH_NONE) {
      throw new RefusedAlgorithmException(
          TransformKind.INTEGRITY,
          id,
          0,
          false,
          Algorithms.name(TransformKind.INTEGRITY, id)
              + " with "
              + Algorithms.name(TransformKind.ENCRYPTION, encryptionId)
              + " is refused: an AEAD cipher takes no integrity algorithm (RFC 5282 §8)");
    }
    if (id != AUTH_NONE) {
      check(TransformKind.INTEGRITY, id);
    }
  }

  /** Accepts a key exchange method (main or additional). NONE (0) is not a method: refused. */
  public static void checkKeyExchange(int id) throws RefusedAlgorithmException {
    check(TransformKind.KEY_EXCHANGE, id);
  }

  /**
   * Refuses {@code id} unless it is supported for {@code kind} (for encryption the key length is
   * checked by {@link #checkEncryption}).
   *
   * @throws RefusedAlgorithmException naming the algorithm and the reason
   */
  public static void check(TransformKind kind, int id) throws RefusedAlgorithmException {
    if (isSupported(kind, id)) {
      return;
    }
    String name = Algorithms.name(kind, id);
    Refusal weak = WEAK.get(kind).get(id);
    if (weak != null) {
      throw new RefusedAlgorithmException(
          kind, id, 0, true, weak.human + " (" + name + ") is refused: " + weak.reason);
    }
    String supported =
        SUPPORTED.get(kind).stream()
            .map(s -> Algorithms.name(kind, s))
            .collect(Collectors.joining(", "));
    throw new RefusedAlgorithmException(
        kind,
        id,
        0,
        false,
        name
            + " is refused: this "
            + kind.description()
            + " is not supported (supported: "
            + supported
            + ")");
  }

  private static Map.Entry<Integer, Refusal> weak(int id, String human, String reason) {
    return Map.entry(id, pair(human, reason));
  }

  private static Refusal pair(String human, String reason) {
    return new Refusal(human, reason);
  }

  /** Why a weak algorithm is refused: its common name and the reason with the RFC. */
  private static final class Refusal {
    final String human;
    final String reason;

    Refusal(String human, String reason) {
      this.human = human;
      this.reason = reason;
    }
  }
}
