package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTest {

  @Test
  void knowsSkKeyLengthsOfEachIkeSuite() throws Exception {
    IkeSuite gcm128 =
        IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of());
    assertThat(gcm128.encryptionKeyLength()).isEqualTo(20); // RFC 5282 §7.1: key + 4-byte salt
    assertThat(gcm128.integrityKeyLength()).isZero();
    assertThat(gcm128.keyMaterialLength()).isEqualTo(3 * 32 + 2 * 20);
    assertThat(gcm128.isAead()).isTrue();

    IkeSuite chacha =
        IkeSuite.of(ENCR_CHACHA20_POLY1305, 0, PRF_HMAC_SHA2_512, AUTH_NONE, ECP_256, List.of());
    assertThat(chacha.encryptionKeyLength()).isEqualTo(36); // RFC 7634 §2: 32 + 4
    assertThat(chacha.keyMaterialLength()).isEqualTo(3 * 64 + 2 * 36);

    IkeSuite cbc =
        IkeSuite.of(
            ENCR_AES_CBC, 256, PRF_HMAC_SHA2_384, AUTH_HMAC_SHA2_384_192, MODP_3072, List.of());
    assertThat(cbc.encryptionKeyLength()).isEqualTo(32);
    assertThat(cbc.integrityKeyLength()).isEqualTo(48); // RFC 4868 §2.1.2
    assertThat(cbc.prf().keyLength()).isEqualTo(48);
    assertThat(cbc.isAead()).isFalse();
  }

  @Test
  void printsTheNegotiatedAlgorithms() throws Exception {
    assertThat(
            IkeSuite.of(
                    ENCR_AES_GCM_16,
                    256,
                    PRF_HMAC_SHA2_384,
                    AUTH_NONE,
                    CURVE_25519,
                    List.of(ML_KEM_768))
                .toString())
        .isEqualTo("ENCR_AES_GCM_16_256/PRF_HMAC_SHA2_384/CURVE_25519+ML_KEM_768");
    assertThat(
            IkeSuite.of(
                    ENCR_AES_CBC,
                    256,
                    PRF_HMAC_SHA2_256,
                    AUTH_HMAC_SHA2_256_128,
                    MODP_2048,
                    List.of())
                .toString())
        .isEqualTo("ENCR_AES_CBC_256/AUTH_HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048");
    assertThat(ChildSuite.of(ENCR_CHACHA20_POLY1305, 0, AUTH_NONE, List.of()).toString())
        .isEqualTo("ENCR_CHACHA20_POLY1305/no PFS");
  }

  @Test
  void refusesWeakChoicesWhenBuildingASuite() {
    assertThatThrownBy(
            () ->
                IkeSuite.of(
                    ENCR_3DES, 0, PRF_HMAC_SHA2_256, AUTH_HMAC_SHA2_256_128, MODP_2048, List.of()))
        .isInstanceOf(RefusedAlgorithmException.class)
        .hasMessageStartingWith("3DES (ENCR_3DES)");
    assertThatThrownBy(
            () ->
                IkeSuite.of(
                    ENCR_AES_CBC,
                    128,
                    PRF_HMAC_SHA2_256,
                    AUTH_HMAC_SHA2_256_128,
                    MODP_2048,
                    List.of(MODP_1024)))
        .hasMessageStartingWith("1024-bit MODP group 2");
    assertThatThrownBy(() -> ChildSuite.of(ENCR_AES_CBC, 128, AUTH_HMAC_SHA1_96, List.of()))
        .hasMessageStartingWith("HMAC-SHA-1-96");
    assertThatThrownBy(() -> ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of(MODP_1536)))
        .hasMessageStartingWith("1536-bit MODP group 5");
  }

  @Test
  void refusesMoreThanSevenAdditionalKeyExchanges() {
    List<Integer> eight = Collections.nCopies(8, ML_KEM_768);
    assertThatThrownBy(
            () ->
                IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, eight))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 7");
  }

  @Test
  void givesEspTheKeyIvAndIcvLengths() throws Exception {
    ChildSuite gcm = ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of());
    assertThat(gcm.cipherKeyLength()).isEqualTo(16);
    assertThat(gcm.saltLength()).isEqualTo(4); // RFC 4106 §8.1
    assertThat(gcm.integrityKeyLength()).isZero();
    assertThat(gcm.ivLength()).isEqualTo(8);
    assertThat(gcm.icvLength()).isEqualTo(16);
    assertThat(gcm.keymatLength()).isEqualTo(40);
    assertThat(gcm.integrityJceName()).isNull();

    ChildSuite cbc =
        ChildSuite.of(ENCR_AES_CBC, 256, AUTH_HMAC_SHA2_512_256, List.of(ECP_384, ML_KEM_1024));
    assertThat(cbc.cipherKeyLength()).isEqualTo(32);
    assertThat(cbc.saltLength()).isZero();
    assertThat(cbc.integrityKeyLength()).isEqualTo(64);
    assertThat(cbc.ivLength()).isEqualTo(16);
    assertThat(cbc.icvLength()).isEqualTo(32); // RFC 4868: 512-bit HMAC truncated to 256
    assertThat(cbc.keymatLength()).isEqualTo(2 * (32 + 64));
    assertThat(cbc.integrityJceName()).isEqualTo("HmacSHA512");
    assertThat(cbc.keyExchangeMethods()).containsExactly(ECP_384, ML_KEM_1024);

    ChildSuite chacha = ChildSuite.of(ENCR_CHACHA20_POLY1305, 0, AUTH_NONE, List.of());
    assertThat(chacha.cipherKeyLength()).isEqualTo(32);
    assertThat(chacha.saltLength()).isEqualTo(4); // RFC 7634 §2
    assertThat(chacha.keymatLength()).isEqualTo(72);
  }

  @Test
  void refusesToMakeCiphersFromAnotherSuitesKeys() throws Exception {
    IkeSuite a =
        IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of());
    IkeSuite b =
        IkeSuite.of(ENCR_AES_GCM_16, 256, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of());
    IkeSaKeys keys = SkCipherTest.keys(a);
    assertThatThrownBy(() -> b.ciphers(keys, Role.INITIATOR, new SeededSecureRandom("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesSuitesByValue() throws Exception {
    assertThat(
            IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of()))
        .isEqualTo(
            IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of()))
        .hasSameHashCodeAs(
            IkeSuite.of(
                ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of()));
    assertThat(ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of()))
        .isEqualTo(ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of()))
        .isNotEqualTo(ChildSuite.of(ENCR_AES_GCM_16, 256, AUTH_NONE, List.of()));
  }
}
