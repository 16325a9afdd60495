package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key derivation against values computed independently with python3 (hmac, hashlib); no published
 * IKEv2 vector covers these suites. The inputs are fixed below and the whole script is:
 *
 * <pre>{@code
 * import hmac, hashlib
 * H = bytes.fromhex
 * def prf(h, k, d): return hmac.new(k, d, h).digest()
 * def prfplus(h, k, s, n):
 *     out, t, i = b"", b"", 1
 *     while len(out) < n:
 *         t = prf(h, k, t + s + bytes([i])); out += t; i += 1
 *     return out[:n]
 * ss = H("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
 * ni, nr = bytes([0x11]) * 32, bytes([0x22]) * 32
 * spis = H("0102030405060708") + H("1112131415161718")
 * # AES_GCM_16_256 / PRF_HMAC_SHA2_384: SK_d, SK_p 48 bytes, no SK_a, SK_e 32 + 4 salt
 * seed = prf(hashlib.sha384, ni + nr, ss)
 * k0 = prfplus(hashlib.sha384, seed, ni + nr + spis, 3 * 48 + 2 * 36)   # d|ei|er|pi|pr
 * # AES_CBC_256 / AUTH_HMAC_SHA2_256_128 / PRF_HMAC_SHA2_256: seven 32-byte keys
 * seed = prf(hashlib.sha256, ni + nr, ss)
 * kc = prfplus(hashlib.sha256, seed, ni + nr + spis, 7 * 32)            # d|ai|ar|ei|er|pi|pr
 * # RFC 9370 2.2.2, one additional key exchange after k0
 * sk1 = bytes([0x33]) * 32
 * seed1 = prf(hashlib.sha384, k0[:48], sk1 + ni + nr)
 * k1 = prfplus(hashlib.sha384, seed1, ni + nr + spis, 3 * 48 + 2 * 36)
 * # IKE SA rekey of k0 (old PRF SHA-384) to AES_CBC_128 / HMAC_SHA2_512_256 / PRF_HMAC_SHA2_512
 * sk0r, sk1r = bytes([0x44]) * 32, bytes([0x55]) * 32
 * ni2, nr2 = bytes([0x66]) * 16, bytes([0x77]) * 24
 * spis2 = H("2122232425262728") + H("3132333435363738")
 * seedr = prf(hashlib.sha384, k0[:48], sk0r + ni2 + nr2 + sk1r)
 * kr = prfplus(hashlib.sha512, seedr, ni2 + nr2 + spis2, 64 * 5 + 16 * 2)  # d|ai|ar|ei|er|pi|pr
 * # CHILD SA of k0 without PFS, AES_GCM_16_128: 16-byte key + 4-byte salt per direction
 * c0 = prfplus(hashlib.sha384, k0[:48], ni + nr, 40)
 * # CHILD SA of k0 with PFS ECP_256 + ML_KEM_768, AES_CBC_256 / HMAC_SHA2_256_128
 * c1 = prfplus(hashlib.sha384, k0[:48], sk0r + ni2 + nr2 + sk1r, 128)
 * }</pre>
 */
class KeyDerivationTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The shared secret g^ir (the RFC 7748 §6.1 X25519 result, reused as a realistic input). */
  private static final String SHARED_SECRET_HEX =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  private static final byte[] NI = filled(0x11, 32);
  private static final byte[] NR = filled(0x22, 32);
  private static final long SPI_I = 0x0102030405060708L;
  private static final long SPI_R = 0x1112131415161718L;

  private static final String GCM384_SK_D_HEX =
      "619db42659f84e34b005ea2f82f479baaad37ac92f7e341054fa115760fbb6f2"
          + "eca5113729f443780e98dc9dcad43e4a";
  private static final String GCM384_SK_EI_HEX =
      "d68faf94ebda284460602a70f818fcabb954117b42dbd2c164e0f6c1179ed8a723713cf0";
  private static final String GCM384_SK_ER_HEX =
      "bfd61375c1ba7b1e5a5b74087e35235645cb680b269ef1d4fbd621d4054be072bfcffe05";
  private static final String GCM384_SK_PI_HEX =
      "c9c5133dd7c073689ae36e65d39bd8b371d82431414552085032402c3cde5c43"
          + "d5f2548bb14b45ccdb31e8835f692df2";
  private static final String GCM384_SK_PR_HEX =
      "19d4fc1056e23e1d8f1508facf728260a70caed2c85d8024179d8349f64c7466"
          + "b8e0f73ed0bbd2a8da223382314fef1f";

  private static final String[] CBC256_KEYS_HEX = {
    "101e17407a99c9b876f3a378010e7c7783e761b42f1ada491e690aa4f6f2577d", // SK_d
    "47346157aa29ab0a1fa0a62e8d656c7c68b2ba31fa25f7c7dcc94ac651d9a006", // SK_ai
    "c88ded4b31b0dc8373a68aaf4ab0f88f409220e43b3f1e7b7d7d7f24cdb8ea5b", // SK_ar
    "0dc7aacdf13b690943c0318bebe649794d0b4b9776c86aa38565219a5c791589", // SK_ei
    "3cc3098cbc9f625753dc6dd17f84ac49f5b4a78ff9ceb237e11e516a76f287a3", // SK_er
    "1d9ac5b5612c6b40480b8c67ea1e526b2627ef95c2402d87e34a321e9cdb7c26", // SK_pi
    "1117eddffd9ac1d3b26420778b78d8b60ea39d4717514d62832110cea13725ac", // SK_pr
  };

  private static final byte[] ADDKE_SECRET = filled(0x33, 32);
  private static final String ADDKE_SK_D_HEX =
      "87021b9615fc65b0371c2ac90254af13073e7d0dec5552380fac74a295be03c4"
          + "cd4a5838b4a4bc8d4a516ef953930421";
  private static final String ADDKE_SK_EI_HEX =
      "d48eedfabdd9f7dbc69c5f925c886ed3b7484a8259f8c0ed802bbbd8ae89070dc5cbaa45";
  private static final String ADDKE_SK_PR_HEX =
      "cc3a48716e762799d52cb838c8c2d27c0c983b64f52f9bb72101dce0294f1fae"
          + "608e40cc7136a72e2714455f527de13f";

  private static final byte[] SK0 = filled(0x44, 32);
  private static final byte[] SK1 = filled(0x55, 32);
  private static final byte[] NI2 = filled(0x66, 16);
  private static final byte[] NR2 = filled(0x77, 24);
  private static final String REKEY_SK_D_HEX =
      "d128c2f1a771c1c1c518b8fcd8322cedada5e1031f1c4fe79e143a6a6eec84d2"
          + "a40a91cdee71b7dcb3bf801d4a4644077e037124a96e9dfcb1f52553428bf4f5";
  private static final String REKEY_SK_AR_HEX =
      "961404b66694f45a86735e5bd26ad0ac018db38ecba1fa357286b0f539dac21c"
          + "573e0644d698dd061119c8ef070e72ead524b5737fd4bdc12706275b907858f8";
  private static final String REKEY_SK_EI_HEX = "9a674931c04d0511ab020703d33b5485";
  private static final String REKEY_SK_ER_HEX = "171ef5b5209800bd6d10b6f3858f97a0";
  private static final String REKEY_SK_PR_HEX =
      "79f485ef7b6ecdd76022b16694fd73141988a0b438f794bc8a2b70febdbb63ac"
          + "25838b9beb4796f3922b516121b2f55722dd2b178d70af6324504bdd63a72713";

  private static final String CHILD_NO_PFS_I2R_KEY_HEX = "45cdc5a71d7a5a82bad88203eb22a0af";
  private static final String CHILD_NO_PFS_I2R_SALT_HEX = "213e4f6d";
  private static final String CHILD_NO_PFS_R2I_KEY_HEX = "09b773b6123e07de90d2fe44607d7abb";
  private static final String CHILD_NO_PFS_R2I_SALT_HEX = "5004bb72";

  private static final String[] CHILD_PFS_HEX = {
    "0e9e41a3c4eeac8e7a0514bf52cef27264f6e622cfe52e83269bbb09cbf482cc", // i->r encryption
    "2b4e3c257b40c26c880677c13cd731d98c4a59f0240ac775c50e5bba3628e136", // i->r integrity
    "c416da62e01618aa02be505c224b0f93d8bfeddebfe964a371cf3a82d0625377", // r->i encryption
    "dde02d5c8d9876523f53a3ce905bdc18ad66177f9ccfa381f4b576ca4afe0915", // r->i integrity
  };

  @Test
  void derivesIkeSaKeysForAnAeadSuite() throws Exception {
    IkeSaKeys keys = gcm384Keys();
    assertHex(keys.skD(), GCM384_SK_D_HEX);
    assertThat(keys.skAi()).isEmpty();
    assertThat(keys.skAr()).isEmpty();
    assertHex(keys.skEi(), GCM384_SK_EI_HEX);
    assertHex(keys.skEr(), GCM384_SK_ER_HEX);
    assertHex(keys.skPi(), GCM384_SK_PI_HEX);
    assertHex(keys.skPr(), GCM384_SK_PR_HEX);
  }

  @Test
  void derivesIkeSaKeysForCbcWithHmac() throws Exception {
    IkeSuite suite =
        IkeSuite.of(
            ENCR_AES_CBC, 256, PRF_HMAC_SHA2_256, AUTH_HMAC_SHA2_256_128, MODP_2048, List.of());
    IkeSaKeys keys =
        KeyDerivation.ikeSaKeys(suite, HEX.parseHex(SHARED_SECRET_HEX), NI, NR, SPI_I, SPI_R);
    byte[][] got = {
      keys.skD(), keys.skAi(), keys.skAr(), keys.skEi(), keys.skEr(), keys.skPi(), keys.skPr()
    };
    for (int i = 0; i < got.length; i++) {
      assertHex(got[i], CBC256_KEYS_HEX[i]);
    }
  }

  @Test
  void updatesKeysAfterAnAdditionalKeyExchangePerRfc9370() throws Exception {
    IkeSaKeys first = gcm384Keys();
    IkeSaKeys second =
        KeyDerivation.afterAdditionalKeyExchange(first, ADDKE_SECRET, NI, NR, SPI_I, SPI_R);
    assertHex(second.skD(), ADDKE_SK_D_HEX);
    assertHex(second.skEi(), ADDKE_SK_EI_HEX);
    assertHex(second.skPr(), ADDKE_SK_PR_HEX);
    assertThat(second.suite()).isEqualTo(first.suite());
    assertHex(first.skD(), GCM384_SK_D_HEX); // the previous keys stay until destroyed
  }

  @Test
  void rekeysAnIkeSaWithTheOldPrfForSkeyseedAndTheNewPrfForPrfPlus() throws Exception {
    IkeSuite next =
        IkeSuite.of(
            ENCR_AES_CBC,
            128,
            PRF_HMAC_SHA2_512,
            AUTH_HMAC_SHA2_512_256,
            ECP_256,
            List.of(ML_KEM_1024));
    IkeSaKeys rekeyed =
        KeyDerivation.rekeyedIkeSaKeys(
            gcm384Keys(),
            next,
            List.of(SK0, SK1),
            NI2,
            NR2,
            0x2122232425262728L,
            0x3132333435363738L);
    assertHex(rekeyed.skD(), REKEY_SK_D_HEX);
    assertHex(rekeyed.skAr(), REKEY_SK_AR_HEX);
    assertHex(rekeyed.skEi(), REKEY_SK_EI_HEX);
    assertHex(rekeyed.skEr(), REKEY_SK_ER_HEX);
    assertHex(rekeyed.skPr(), REKEY_SK_PR_HEX);
    assertThat(rekeyed.suite()).isEqualTo(next);
  }

  @Test
  void refusesAnIkeSaRekeyWithoutAKeyExchange() throws Exception {
    IkeSaKeys old = gcm384Keys();
    assertThatThrownBy(
            () -> KeyDerivation.rekeyedIkeSaKeys(old, old.suite(), List.of(), NI2, NR2, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 7296 §2.18");
  }

  @Test
  void splitsChildKeymatWithoutPfsIntoKeyThenSaltPerDirection() throws Exception {
    ChildSuite child = ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of());
    ChildSaKeys keys = KeyDerivation.childSaKeys(gcm384Keys(), child, List.of(), NI, NR);
    assertHex(keys.initiatorToResponder().cipherKey(), CHILD_NO_PFS_I2R_KEY_HEX);
    assertHex(keys.initiatorToResponder().salt(), CHILD_NO_PFS_I2R_SALT_HEX);
    assertHex(keys.responderToInitiator().cipherKey(), CHILD_NO_PFS_R2I_KEY_HEX);
    assertHex(keys.responderToInitiator().salt(), CHILD_NO_PFS_R2I_SALT_HEX);
    assertThat(keys.initiatorToResponder().integrityKey()).isEmpty();
  }

  @Test
  void derivesChildKeymatWithPfsAndAnAdditionalKeyExchange() throws Exception {
    ChildSuite child =
        ChildSuite.of(ENCR_AES_CBC, 256, AUTH_HMAC_SHA2_256_128, List.of(ECP_256, ML_KEM_768));
    ChildSaKeys keys = KeyDerivation.childSaKeys(gcm384Keys(), child, List.of(SK0, SK1), NI2, NR2);
    assertHex(keys.initiatorToResponder().cipherKey(), CHILD_PFS_HEX[0]);
    assertHex(keys.initiatorToResponder().integrityKey(), CHILD_PFS_HEX[1]);
    assertHex(keys.responderToInitiator().cipherKey(), CHILD_PFS_HEX[2]);
    assertHex(keys.responderToInitiator().integrityKey(), CHILD_PFS_HEX[3]);
    assertThat(keys.initiatorToResponder().salt()).isEmpty();
    assertThat(keys.outbound(Role.RESPONDER).cipherKey()).isEqualTo(HEX.parseHex(CHILD_PFS_HEX[2]));
    assertThat(keys.inbound(Role.RESPONDER).cipherKey()).isEqualTo(HEX.parseHex(CHILD_PFS_HEX[0]));
  }

  @Test
  void refusesChildKeymatWhenSecretsDoNotMatchTheSuite() throws Exception {
    ChildSuite child = ChildSuite.of(ENCR_AES_GCM_16, 256, AUTH_NONE, List.of(CURVE_25519));
    IkeSaKeys ike = gcm384Keys();
    assertThatThrownBy(() -> KeyDerivation.childSaKeys(ike, child, List.of(), NI, NR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 1 shared secrets, got 0");
  }

  @Test
  void destroyZeroesIkeKeysAndForbidsFurtherUse() throws Exception {
    IkeSaKeys keys = gcm384Keys();
    keys.destroy();
    assertThat(keys.isDestroyed()).isTrue();
    assertThatThrownBy(keys::skD).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> KeyDerivation.afterAdditionalKeyExchange(keys, ADDKE_SECRET, NI, NR, 1, 2))
        .isInstanceOf(IllegalStateException.class);
    assertThat(keys.toString()).contains("destroyed").doesNotContain(GCM384_SK_D_HEX);
  }

  @Test
  void destroyZeroesChildKeys() throws Exception {
    ChildSuite child = ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of());
    ChildSaKeys keys = KeyDerivation.childSaKeys(gcm384Keys(), child, List.of(), NI, NR);
    keys.destroy();
    assertThat(keys.isDestroyed()).isTrue();
    assertThatThrownBy(() -> keys.outbound(Role.INITIATOR).cipherKey())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void doesNotModifyItsInputs() throws Exception {
    byte[] secret = HEX.parseHex(SHARED_SECRET_HEX);
    byte[] ni = NI.clone();
    KeyDerivation.ikeSaKeys(gcm384Suite(), secret, ni, NR, SPI_I, SPI_R);
    assertThat(secret).isEqualTo(HEX.parseHex(SHARED_SECRET_HEX));
    assertThat(ni).isEqualTo(NI);
  }

  private static IkeSuite gcm384Suite() throws RefusedAlgorithmException {
    return IkeSuite.of(
        ENCR_AES_GCM_16, 256, PRF_HMAC_SHA2_384, AUTH_NONE, CURVE_25519, List.of(ML_KEM_768));
  }

  private static IkeSaKeys gcm384Keys() throws RefusedAlgorithmException {
    return KeyDerivation.ikeSaKeys(
        gcm384Suite(), HEX.parseHex(SHARED_SECRET_HEX), NI, NR, SPI_I, SPI_R);
  }

  private static void assertHex(byte[] actual, String expectedHex) {
    assertThat(HEX.formatHex(actual)).isEqualTo(expectedHex);
  }

  private static byte[] filled(int value, int length) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }
}
