package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The AEAD primitive of {@link AeadSkCipher} (key/salt split, nonce = salt | explicit IV, AAD,
 * output {@code IV | ciphertext | tag}) against published vectors. The vectors' 12-byte nonces are
 * split as RFC 5282 and RFC 7634 do: the first 4 bytes are the salt at the end of the key material,
 * the last 8 the explicit IV, which we set as the counter's first value.
 */
class AeadKnownAnswerTest {

  private static final HexFormat HEX = HexFormat.of();

  /** McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", test case 2: AES-128. */
  private static final String GCM_TC2_KEY_HEX = "00000000000000000000000000000000";

  private static final String GCM_TC2_IV_HEX = "000000000000000000000000";
  private static final String GCM_TC2_P_HEX = "00000000000000000000000000000000";
  private static final String GCM_TC2_C_HEX = "0388dace60b6a392f328c2b971b2fe78";
  private static final String GCM_TC2_T_HEX = "ab6e47d42cec13bdf53a67b21257bddf";

  /** GCM spec, test case 3 and 4: AES-128 key. */
  private static final String GCM_TC3_KEY_HEX = "feffe9928665731c6d6a8f9467308308";

  /** GCM spec, test cases 3, 4 and 16: IV. */
  private static final String GCM_TC3_IV_HEX = "cafebabefacedbaddecaf888";

  /** GCM spec, test case 3: plaintext (test cases 4 and 16 use its first 60 bytes). */
  private static final String GCM_TC3_P_HEX =
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
          + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";

  /** GCM spec, test case 3: ciphertext. */
  private static final String GCM_TC3_C_HEX =
      "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
          + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";

  /** GCM spec, test case 3: tag. */
  private static final String GCM_TC3_T_HEX = "4d5c2af327cd64a62cf35abd2ba6fab4";

  /** GCM spec, test cases 4 and 16: additional authenticated data. */
  private static final String GCM_TC4_A_HEX = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

  /** GCM spec, test case 4: tag. */
  private static final String GCM_TC4_T_HEX = "5bc94fbc3221a5db94fae95ae7121a47";

  /** GCM spec, test case 14: AES-256, zero key, zero IV, one zero block. */
  private static final String GCM_TC14_C_HEX = "cea7403d4d606b6e074ec5d3baf39d18";

  private static final String GCM_TC14_T_HEX = "d0d1c8a799996bf0265b98b5d48ab919";

  /** GCM spec, test case 16: AES-256 key. */
  private static final String GCM_TC16_KEY_HEX =
      "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";

  /** GCM spec, test case 16: ciphertext of the 60-byte plaintext. */
  private static final String GCM_TC16_C_HEX =
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
          + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662";

  /** GCM spec, test case 16: tag. */
  private static final String GCM_TC16_T_HEX = "76fc6ece0f4e1768cddf8853bb2d551b";

  /** RFC 8439 §2.8.2: key. */
  private static final String CHACHA_KEY_HEX =
      "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";

  /** RFC 8439 §2.8.2: the 32-bit constant, which RFC 7634 calls the salt. */
  private static final String CHACHA_CONSTANT_HEX = "07000000";

  /** RFC 8439 §2.8.2: IV. */
  private static final String CHACHA_IV_HEX = "4041424344454647";

  /** RFC 8439 §2.8.2: AAD. */
  private static final String CHACHA_AAD_HEX = "50515253c0c1c2c3c4c5c6c7";

  /** RFC 8439 §2.8.2: plaintext. */
  private static final String CHACHA_PLAINTEXT =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
          + " future, sunscreen would be it.";

  /** RFC 8439 §2.8.2: ciphertext. */
  private static final String CHACHA_C_HEX =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
          + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
          + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
          + "3ff4def08e4b7a9de576d26586cec64b6116";

  /** RFC 8439 §2.8.2: tag. */
  private static final String CHACHA_TAG_HEX = "1ae10b594f09e26a7e902ecbd0600691";

  @Test
  void matchesGcmSpecTestCase2() throws Exception {
    checkGcm(GCM_TC2_KEY_HEX, GCM_TC2_IV_HEX, "", GCM_TC2_P_HEX, GCM_TC2_C_HEX, GCM_TC2_T_HEX);
  }

  @Test
  void matchesGcmSpecTestCase3() throws Exception {
    checkGcm(GCM_TC3_KEY_HEX, GCM_TC3_IV_HEX, "", GCM_TC3_P_HEX, GCM_TC3_C_HEX, GCM_TC3_T_HEX);
  }

  @Test
  void matchesGcmSpecTestCase4WithAssociatedData() throws Exception {
    checkGcm(
        GCM_TC3_KEY_HEX,
        GCM_TC3_IV_HEX,
        GCM_TC4_A_HEX,
        GCM_TC3_P_HEX.substring(0, 120),
        GCM_TC3_C_HEX.substring(0, 120),
        GCM_TC4_T_HEX);
  }

  @Test
  void matchesGcmSpecTestCase14WithAes256() throws Exception {
    checkGcm("00".repeat(32), GCM_TC2_IV_HEX, "", GCM_TC2_P_HEX, GCM_TC14_C_HEX, GCM_TC14_T_HEX);
  }

  @Test
  void matchesGcmSpecTestCase16WithAes256AndAssociatedData() throws Exception {
    checkGcm(
        GCM_TC16_KEY_HEX,
        GCM_TC3_IV_HEX,
        GCM_TC4_A_HEX,
        GCM_TC3_P_HEX.substring(0, 120),
        GCM_TC16_C_HEX,
        GCM_TC16_T_HEX);
  }

  @Test
  void matchesRfc8439Section282ChaCha20Poly1305() throws Exception {
    AeadSkCipher aead =
        new AeadSkCipher(
            EncryptionSpec.CHACHA20_POLY1305,
            HEX.parseHex(CHACHA_KEY_HEX + CHACHA_CONSTANT_HEX),
            Long.parseUnsignedLong(CHACHA_IV_HEX, 16));
    byte[] aad = HEX.parseHex(CHACHA_AAD_HEX);
    byte[] plaintext = CHACHA_PLAINTEXT.getBytes(StandardCharsets.US_ASCII);
    byte[] body = aead.sealRaw(aad, plaintext);
    assertThat(HEX.formatHex(body)).isEqualTo(CHACHA_IV_HEX + CHACHA_C_HEX + CHACHA_TAG_HEX);
    assertThat(aead.openRaw(aad, body)).isEqualTo(plaintext);
  }

  private static void checkGcm(
      String key, String nonce, String aad, String plaintext, String ciphertext, String tag)
      throws Exception {
    String salt = nonce.substring(0, 8);
    String iv = nonce.substring(8);
    AeadSkCipher aead =
        new AeadSkCipher(
            EncryptionSpec.AES_GCM_16, HEX.parseHex(key + salt), Long.parseUnsignedLong(iv, 16));
    byte[] body = aead.sealRaw(HEX.parseHex(aad), HEX.parseHex(plaintext));
    assertThat(HEX.formatHex(body)).isEqualTo(iv + ciphertext + tag);
    assertThat(aead.openRaw(HEX.parseHex(aad), body)).isEqualTo(HEX.parseHex(plaintext));
  }
}
