package dev.fulmar.core.ike.crypto;

import java.util.Map;

/**
 * IANA transform IDs of the IKEv2 algorithms ("Internet Key Exchange Version 2 (IKEv2) Parameters"
 * registry, Transform Types 1..4) and their registry names for messages and logs: the one table of
 * them in the engine. The wire registries of {@code ike.message} ({@code EncryptionAlgorithm},
 * {@code KeyExchangeMethod}, ...) and the API's {@code Algorithm} take their IDs and names from
 * here.
 *
 * <p>These are specification constants. Which of them are accepted is decided in one place, {@link
 * AlgorithmPolicy}. Unknown IDs are valid inputs everywhere: {@link #name} prints them as e.g.
 * {@code ENCR(1234)}.
 */
public final class Algorithms {

  // Transform Type 1: encryption algorithms (RFC 7296 §3.3.2, RFC 5282, RFC 7634).
  public static final int ENCR_DES_IV64 = 1;
  public static final int ENCR_DES = 2;
  public static final int ENCR_3DES = 3;
  public static final int ENCR_RC5 = 4;
  public static final int ENCR_IDEA = 5;
  public static final int ENCR_CAST = 6;
  public static final int ENCR_BLOWFISH = 7;
  public static final int ENCR_3IDEA = 8;
  public static final int ENCR_DES_IV32 = 9;
  public static final int ENCR_NULL = 11;
  public static final int ENCR_AES_CBC = 12;
  public static final int ENCR_AES_CTR = 13;
  public static final int ENCR_AES_CCM_8 = 14;
  public static final int ENCR_AES_CCM_12 = 15;
  public static final int ENCR_AES_CCM_16 = 16;
  public static final int ENCR_AES_GCM_8 = 18;
  public static final int ENCR_AES_GCM_12 = 19;
  public static final int ENCR_AES_GCM_16 = 20;
  public static final int ENCR_NULL_AUTH_AES_GMAC = 21;
  public static final int ENCR_CAMELLIA_CBC = 23;
  public static final int ENCR_CAMELLIA_CTR = 24;
  public static final int ENCR_CAMELLIA_CCM_8 = 25;
  public static final int ENCR_CAMELLIA_CCM_12 = 26;
  public static final int ENCR_CAMELLIA_CCM_16 = 27;
  public static final int ENCR_CHACHA20_POLY1305 = 28;
  public static final int ENCR_AES_CCM_8_IIV = 29;
  public static final int ENCR_AES_GCM_16_IIV = 30;
  public static final int ENCR_CHACHA20_POLY1305_IIV = 31;
  public static final int ENCR_KUZNYECHIK_MGM_KTREE = 32;
  public static final int ENCR_MAGMA_MGM_KTREE = 33;
  public static final int ENCR_KUZNYECHIK_MGM_MAC_KTREE = 34;
  public static final int ENCR_MAGMA_MGM_MAC_KTREE = 35;

  // Transform Type 2: pseudorandom functions (RFC 7296 §3.3.2, RFC 4868).
  public static final int PRF_HMAC_MD5 = 1;
  public static final int PRF_HMAC_SHA1 = 2;
  public static final int PRF_HMAC_TIGER = 3;
  public static final int PRF_AES128_XCBC = 4;
  public static final int PRF_HMAC_SHA2_256 = 5;
  public static final int PRF_HMAC_SHA2_384 = 6;
  public static final int PRF_HMAC_SHA2_512 = 7;
  public static final int PRF_AES128_CMAC = 8;
  public static final int PRF_HMAC_STREEBOG_512 = 9;

  // Transform Type 3: integrity algorithms (RFC 7296 §3.3.2, RFC 4868).
  public static final int AUTH_NONE = 0;
  public static final int AUTH_HMAC_MD5_96 = 1;
  public static final int AUTH_HMAC_SHA1_96 = 2;
  public static final int AUTH_DES_MAC = 3;
  public static final int AUTH_KPDK_MD5 = 4;
  public static final int AUTH_AES_XCBC_96 = 5;
  public static final int AUTH_HMAC_MD5_128 = 6;
  public static final int AUTH_HMAC_SHA1_160 = 7;
  public static final int AUTH_AES_CMAC_96 = 8;
  public static final int AUTH_AES_128_GMAC = 9;
  public static final int AUTH_AES_192_GMAC = 10;
  public static final int AUTH_AES_256_GMAC = 11;
  public static final int AUTH_HMAC_SHA2_256_128 = 12;
  public static final int AUTH_HMAC_SHA2_384_192 = 13;
  public static final int AUTH_HMAC_SHA2_512_256 = 14;

  // Transform Type 4: key exchange methods (RFC 7296, RFC 3526, RFC 5114, RFC 5903, RFC 8031,
  // RFC 9370, draft-ietf-ipsecme-ikev2-mlkem). 0 means "none" (no PFS / optional ADDKE).
  public static final int KE_NONE = 0;
  public static final int MODP_768 = 1;
  public static final int MODP_1024 = 2;
  public static final int MODP_1536 = 5;
  public static final int MODP_2048 = 14;
  public static final int MODP_3072 = 15;
  public static final int MODP_4096 = 16;
  public static final int MODP_6144 = 17;
  public static final int MODP_8192 = 18;
  public static final int ECP_256 = 19;
  public static final int ECP_384 = 20;
  public static final int ECP_521 = 21;
  public static final int MODP_1024_160 = 22;
  public static final int MODP_2048_224 = 23;
  public static final int MODP_2048_256 = 24;
  public static final int ECP_192 = 25;
  public static final int ECP_224 = 26;
  public static final int ECP_224_BP = 27;
  public static final int ECP_256_BP = 28;
  public static final int ECP_384_BP = 29;
  public static final int ECP_512_BP = 30;
  public static final int CURVE_25519 = 31;
  public static final int CURVE_448 = 32;
  public static final int GOST3410_2012_256 = 33;
  public static final int GOST3410_2012_512 = 34;
  public static final int ML_KEM_512 = 35;
  public static final int ML_KEM_768 = 36;
  public static final int ML_KEM_1024 = 37;

  private static final Map<Integer, String> ENCRYPTION_NAMES =
      Map.ofEntries(
          Map.entry(ENCR_DES_IV64, "ENCR_DES_IV64"),
          Map.entry(ENCR_DES, "ENCR_DES"),
          Map.entry(ENCR_3DES, "ENCR_3DES"),
          Map.entry(ENCR_RC5, "ENCR_RC5"),
          Map.entry(ENCR_IDEA, "ENCR_IDEA"),
          Map.entry(ENCR_CAST, "ENCR_CAST"),
          Map.entry(ENCR_BLOWFISH, "ENCR_BLOWFISH"),
          Map.entry(ENCR_3IDEA, "ENCR_3IDEA"),
          Map.entry(ENCR_DES_IV32, "ENCR_DES_IV32"),
          Map.entry(ENCR_NULL, "ENCR_NULL"),
          Map.entry(ENCR_AES_CBC, "ENCR_AES_CBC"),
          Map.entry(ENCR_AES_CTR, "ENCR_AES_CTR"),
          Map.entry(ENCR_AES_CCM_8, "ENCR_AES_CCM_8"),
          Map.entry(ENCR_AES_CCM_12, "ENCR_AES_CCM_12"),
          Map.entry(ENCR_AES_CCM_16, "ENCR_AES_CCM_16"),
          Map.entry(ENCR_AES_GCM_8, "ENCR_AES_GCM_8"),
          Map.entry(ENCR_AES_GCM_12, "ENCR_AES_GCM_12"),
          Map.entry(ENCR_AES_GCM_16, "ENCR_AES_GCM_16"),
          Map.entry(ENCR_NULL_AUTH_AES_GMAC, "ENCR_NULL_AUTH_AES_GMAC"),
          Map.entry(ENCR_CAMELLIA_CBC, "ENCR_CAMELLIA_CBC"),
          Map.entry(ENCR_CAMELLIA_CTR, "ENCR_CAMELLIA_CTR"),
          Map.entry(ENCR_CAMELLIA_CCM_8, "ENCR_CAMELLIA_CCM_8"),
          Map.entry(ENCR_CAMELLIA_CCM_12, "ENCR_CAMELLIA_CCM_12"),
          Map.entry(ENCR_CAMELLIA_CCM_16, "ENCR_CAMELLIA_CCM_16"),
          Map.entry(ENCR_CHACHA20_POLY1305, "ENCR_CHACHA20_POLY1305"),
          Map.entry(ENCR_AES_CCM_8_IIV, "ENCR_AES_CCM_8_IIV"),
          Map.entry(ENCR_AES_GCM_16_IIV, "ENCR_AES_GCM_16_IIV"),
          Map.entry(ENCR_CHACHA20_POLY1305_IIV, "ENCR_CHACHA20_POLY1305_IIV"),
          Map.entry(ENCR_KUZNYECHIK_MGM_KTREE, "ENCR_KUZNYECHIK_MGM_KTREE"),
          Map.entry(ENCR_MAGMA_MGM_KTREE, "ENCR_MAGMA_MGM_KTREE"),
          Map.entry(ENCR_KUZNYECHIK_MGM_MAC_KTREE, "ENCR_KUZNYECHIK_MGM_MAC_KTREE"),
          Map.entry(ENCR_MAGMA_MGM_MAC_KTREE, "ENCR_MAGMA_MGM_MAC_KTREE"));

  private static final Map<Integer, String> PRF_NAMES =
      Map.of(
          PRF_HMAC_MD5, "PRF_HMAC_MD5",
          PRF_HMAC_SHA1, "PRF_HMAC_SHA1",
          PRF_HMAC_TIGER, "PRF_HMAC_TIGER",
          PRF_AES128_XCBC, "PRF_AES128_XCBC",
          PRF_HMAC_SHA2_256, "PRF_HMAC_SHA2_256",
          PRF_HMAC_SHA2_384, "PRF_HMAC_SHA2_384",
          PRF_HMAC_SHA2_512, "PRF_HMAC_SHA2_512",
          PRF_AES128_CMAC, "PRF_AES128_CMAC",
          PRF_HMAC_STREEBOG_512, "PRF_HMAC_STREEBOG_512");

  private static final Map<Integer, String> INTEGRITY_NAMES =
      Map.ofEntries(
          Map.entry(AUTH_NONE, "NONE"),
          Map.entry(AUTH_HMAC_MD5_96, "AUTH_HMAC_MD5_96"),
          Map.entry(AUTH_HMAC_SHA1_96, "AUTH_HMAC_SHA1_96"),
          Map.entry(AUTH_DES_MAC, "AUTH_DES_MAC"),
          Map.entry(AUTH_KPDK_MD5, "AUTH_KPDK_MD5"),
          Map.entry(AUTH_AES_XCBC_96, "AUTH_AES_XCBC_96"),
          Map.entry(AUTH_HMAC_MD5_128, "AUTH_HMAC_MD5_128"),
          Map.entry(AUTH_HMAC_SHA1_160, "AUTH_HMAC_SHA1_160"),
          Map.entry(AUTH_AES_CMAC_96, "AUTH_AES_CMAC_96"),
          Map.entry(AUTH_AES_128_GMAC, "AUTH_AES_128_GMAC"),
          Map.entry(AUTH_AES_192_GMAC, "AUTH_AES_192_GMAC"),
          Map.entry(AUTH_AES_256_GMAC, "AUTH_AES_256_GMAC"),
          Map.entry(AUTH_HMAC_SHA2_256_128, "AUTH_HMAC_SHA2_256_128"),
          Map.entry(AUTH_HMAC_SHA2_384_192, "AUTH_HMAC_SHA2_384_192"),
          Map.entry(AUTH_HMAC_SHA2_512_256, "AUTH_HMAC_SHA2_512_256"));

  private static final Map<Integer, String> KEY_EXCHANGE_NAMES =
      Map.ofEntries(
          Map.entry(KE_NONE, "NONE"),
          Map.entry(MODP_768, "MODP_768"),
          Map.entry(MODP_1024, "MODP_1024"),
          Map.entry(MODP_1536, "MODP_1536"),
          Map.entry(MODP_2048, "MODP_2048"),
          Map.entry(MODP_3072, "MODP_3072"),
          Map.entry(MODP_4096, "MODP_4096"),
          Map.entry(MODP_6144, "MODP_6144"),
          Map.entry(MODP_8192, "MODP_8192"),
          Map.entry(ECP_256, "ECP_256"),
          Map.entry(ECP_384, "ECP_384"),
          Map.entry(ECP_521, "ECP_521"),
          Map.entry(MODP_1024_160, "MODP_1024_160"),
          Map.entry(MODP_2048_224, "MODP_2048_224"),
          Map.entry(MODP_2048_256, "MODP_2048_256"),
          Map.entry(ECP_192, "ECP_192"),
          Map.entry(ECP_224, "ECP_224"),
          Map.entry(ECP_224_BP, "ECP_224_BP"),
          Map.entry(ECP_256_BP, "ECP_256_BP"),
          Map.entry(ECP_384_BP, "ECP_384_BP"),
          Map.entry(ECP_512_BP, "ECP_512_BP"),
          Map.entry(CURVE_25519, "CURVE_25519"),
          Map.entry(CURVE_448, "CURVE_448"),
          Map.entry(GOST3410_2012_256, "GOST3410_2012_256"),
          Map.entry(GOST3410_2012_512, "GOST3410_2012_512"),
          Map.entry(ML_KEM_512, "ML_KEM_512"),
          Map.entry(ML_KEM_768, "ML_KEM_768"),
          Map.entry(ML_KEM_1024, "ML_KEM_1024"));

  private Algorithms() {}

  /**
   * The registry name of a transform ID, e.g. {@code ENCR_AES_GCM_16} or {@code ML_KEM_768}; an
   * unknown ID prints as {@code ENCR(1234)}, {@code PRF(99)}, {@code INTEG(77)} or {@code KE(500)}.
   * Never throws.
   */
  public static String name(TransformKind kind, int id) {
    String name = names(kind).get(id);
    if (name != null) {
      return name;
    }
    switch (kind) {
      case ENCRYPTION:
        return "ENCR(" + id + ")";
      case PRF:
        return "PRF(" + id + ")";
      case INTEGRITY:
        return "INTEG(" + id + ")";
      default:
        return "KE(" + id + ")";
    }
  }

  /** Whether {@code id} is a registry value this package knows by name (supported or not). */
  public static boolean isKnown(TransformKind kind, int id) {
    return names(kind).containsKey(id);
  }

  private static Map<Integer, String> names(TransformKind kind) {
    switch (kind) {
      case ENCRYPTION:
        return ENCRYPTION_NAMES;
      case PRF:
        return PRF_NAMES;
      case INTEGRITY:
        return INTEGRITY_NAMES;
      default:
        return KEY_EXCHANGE_NAMES;
    }
  }
}
