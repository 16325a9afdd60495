package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AlgorithmPolicyTest {

  @Test
  void refuses3desNamingItAndCitingTheRfcs() {
    RefusedAlgorithmException e = refused(() -> AlgorithmPolicy.checkEncryption(ENCR_3DES, 0));
    assertThat(e).hasMessageStartingWith("3DES (ENCR_3DES) is refused: 64-bit block cipher");
    assertThat(e.getMessage()).contains("RFC 8221").contains("RFC 8247");
    assertThat(e.isWeak()).isTrue();
    assertThat(e.kind()).isEqualTo(TransformKind.ENCRYPTION);
    assertThat(e.transformId()).isEqualTo(ENCR_3DES);
  }

  @Test
  void refusesDesBlowfishAndNullEncryption() {
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_DES, 0)))
        .hasMessageStartingWith("DES (ENCR_DES) is refused: 56-bit key")
        .hasMessageContaining("MUST NOT");
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_BLOWFISH, 128)))
        .hasMessage(
            "Blowfish (ENCR_BLOWFISH) is refused: 64-bit block cipher; RFC 8221 says"
                + " MUST NOT");
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_NULL, 0)))
        .hasMessage("NULL encryption (ENCR_NULL) is refused: it sends the traffic unencrypted");
  }

  @Test
  void refusesMd5AndSha1ForPrfAndIntegrity() {
    assertThat(refused(() -> AlgorithmPolicy.checkPrf(PRF_HMAC_MD5)))
        .hasMessageStartingWith("HMAC-MD5 (PRF_HMAC_MD5) is refused: MD5 is broken");
    assertThat(refused(() -> AlgorithmPolicy.checkPrf(PRF_HMAC_SHA1)))
        .hasMessageStartingWith("HMAC-SHA-1 (PRF_HMAC_SHA1) is refused");
    assertThat(refused(() -> AlgorithmPolicy.checkIntegrity(AUTH_HMAC_MD5_96, ENCR_AES_CBC)))
        .hasMessageStartingWith("HMAC-MD5-96 (AUTH_HMAC_MD5_96) is refused: MD5 is broken");
    RefusedAlgorithmException sha1 =
        refused(() -> AlgorithmPolicy.checkIntegrity(AUTH_HMAC_SHA1_96, ENCR_AES_CBC));
    assertThat(sha1).hasMessageStartingWith("HMAC-SHA-1-96 (AUTH_HMAC_SHA1_96) is refused");
    assertThat(sha1.isWeak()).isTrue();
  }

  @Test
  void refusesModpGroupsBelow2048BitsAndTheRfc5114Groups() {
    int[] weak = {MODP_768, MODP_1024, MODP_1536, MODP_1024_160, MODP_2048_224, MODP_2048_256};
    for (int group : weak) {
      RefusedAlgorithmException e = refused(() -> AlgorithmPolicy.checkKeyExchange(group));
      assertThat(e.isWeak()).isTrue();
      assertThat(e.getMessage())
          .contains("MODP group " + group + " ")
          .contains("(" + Algorithms.name(TransformKind.KEY_EXCHANGE, group) + ")")
          .contains("RFC 8247");
    }
    assertThat(refused(() -> AlgorithmPolicy.checkKeyExchange(MODP_1024)))
        .hasMessageStartingWith(
            "1024-bit MODP group 2 (MODP_1024) is refused: MODP groups below" + " 2048 bits");
  }

  @Test
  void refusesUnknownAndUnimplementedAlgorithmsAsUnsupportedListingWhatIsSupported() {
    RefusedAlgorithmException unknown = refused(() -> AlgorithmPolicy.checkEncryption(1234, 128));
    assertThat(unknown.isWeak()).isFalse();
    assertThat(unknown)
        .hasMessage(
            "ENCR(1234) is refused: this encryption algorithm is not"
                + " supported (supported: ENCR_AES_GCM_16, ENCR_CHACHA20_POLY1305, ENCR_AES_CBC)");
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_AES_CCM_8, 128)))
        .hasMessageStartingWith("ENCR_AES_CCM_8 is refused: this encryption algorithm is not");
    assertThat(refused(() -> AlgorithmPolicy.checkKeyExchange(MODP_8192)).isWeak()).isFalse();
    assertThat(refused(() -> AlgorithmPolicy.checkKeyExchange(KE_NONE)))
        .hasMessageStartingWith("NONE is refused: this key exchange method is not supported");
  }

  @Test
  void checksKeyLengths() {
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_AES_CBC, 192)))
        .hasMessage(
            "ENCR_AES_CBC with a 192-bit key is refused: supported key lengths are"
                + " [128, 256] bits");
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_AES_GCM_16, 0)))
        .hasMessageContaining("ENCR_AES_GCM_16 without a Key Length attribute is refused");
    assertThat(refused(() -> AlgorithmPolicy.checkEncryption(ENCR_CHACHA20_POLY1305, 256)))
        .hasMessageContaining("takes no Key Length attribute");
    assertThatCode(() -> AlgorithmPolicy.checkEncryption(ENCR_CHACHA20_POLY1305, 0))
        .doesNotThrowAnyException();
  }

  @Test
  void pairsIntegrityWithTheCipherKind() {
    RefusedAlgorithmException none =
        refused(() -> AlgorithmPolicy.checkIntegrity(AUTH_NONE, ENCR_AES_CBC));
    assertThat(none.isWeak()).isTrue();
    assertThat(none).hasMessageStartingWith("No integrity algorithm (NONE) with ENCR_AES_CBC");
    assertThat(
            refused(() -> AlgorithmPolicy.checkIntegrity(AUTH_HMAC_SHA2_256_128, ENCR_AES_GCM_16)))
        .hasMessageContaining("an AEAD cipher takes no integrity algorithm");
    assertThatCode(() -> AlgorithmPolicy.checkIntegrity(AUTH_NONE, ENCR_CHACHA20_POLY1305))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsEverythingItListsAsSupported() {
    assertThat(AlgorithmPolicy.supported(TransformKind.ENCRYPTION))
        .containsExactly(ENCR_AES_GCM_16, ENCR_CHACHA20_POLY1305, ENCR_AES_CBC);
    assertThat(AlgorithmPolicy.supported(TransformKind.PRF)).containsExactly(5, 6, 7);
    assertThat(AlgorithmPolicy.supported(TransformKind.INTEGRITY)).containsExactly(12, 13, 14);
    assertThat(AlgorithmPolicy.supported(TransformKind.KEY_EXCHANGE))
        .containsExactlyInAnyOrder(14, 15, 16, 19, 20, 21, 31, 35, 36, 37);
    for (int id : AlgorithmPolicy.supported(TransformKind.ENCRYPTION)) {
      List<Integer> lengths = AlgorithmPolicy.supportedKeyLengths(id);
      for (int bits : lengths.isEmpty() ? List.of(0) : lengths) {
        assertThatCode(() -> AlgorithmPolicy.checkEncryption(id, bits)).doesNotThrowAnyException();
      }
    }
    for (int id : AlgorithmPolicy.supported(TransformKind.PRF)) {
      assertThatCode(() -> AlgorithmPolicy.checkPrf(id)).doesNotThrowAnyException();
    }
    for (int id : AlgorithmPolicy.supported(TransformKind.INTEGRITY)) {
      assertThatCode(() -> AlgorithmPolicy.checkIntegrity(id, ENCR_AES_CBC))
          .doesNotThrowAnyException();
    }
    for (int id : AlgorithmPolicy.supported(TransformKind.KEY_EXCHANGE)) {
      assertThatCode(() -> AlgorithmPolicy.checkKeyExchange(id)).doesNotThrowAnyException();
    }
  }

  @Test
  void namesEveryIdOfEveryKindWithoutThrowing() {
    for (TransformKind kind : TransformKind.values()) {
      for (int id = -1; id <= 300; id++) {
        int value = id == 300 ? Integer.MAX_VALUE : id;
        String name = Algorithms.name(kind, value);
        assertThat(name).isNotBlank();
        if (!AlgorithmPolicy.isSupported(kind, value)) {
          RefusedAlgorithmException e = refused(() -> AlgorithmPolicy.check(kind, value));
          assertThat(e.getMessage()).contains(name);
        }
      }
    }
  }

  private static RefusedAlgorithmException refused(Executable check) {
    return catchThrowableOfType(RefusedAlgorithmException.class, check::execute);
  }
}
