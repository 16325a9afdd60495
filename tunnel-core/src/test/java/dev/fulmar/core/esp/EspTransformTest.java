package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EspTransformTest {

  @Test
  void refusesWeakAlgorithmsNamingThem() {
    assertThatThrownBy(() -> EspTransform.fromIana(3, 0, 12))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("3DES");
    assertThatThrownBy(() -> EspTransform.fromIana(2, 0, 12))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("DES");
    assertThatThrownBy(() -> EspTransform.fromIana(7, 128, 12))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("Blowfish");
    assertThatThrownBy(() -> EspTransform.fromIana(12, 128, 2))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("SHA-1");
    assertThatThrownBy(() -> EspTransform.fromIana(12, 128, 1))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("MD5");
    assertThatThrownBy(() -> EspTransform.fromIana(11, 0, 12))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("NULL");
  }

  @Test
  void mapsNegotiatedIanaIds() throws Exception {
    assertThat(EspTransform.fromIana(20, 256, 0)).isEqualTo(EspTransform.aesGcm16(256));
    assertThat(EspTransform.fromIana(28, 0, 0)).isEqualTo(EspTransform.chacha20Poly1305());
    assertThat(EspTransform.fromIana(12, 128, 14))
        .isEqualTo(EspTransform.aesCbc(128, EspIntegrity.HMAC_SHA2_512_256));
    assertThatThrownBy(() -> EspTransform.fromIana(20, 128, 12))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("AEAD");
    assertThatThrownBy(() -> EspTransform.fromIana(99, 128, 0))
        .isInstanceOf(UnsupportedTransformException.class).hasMessageContaining("99");
  }

  @Test
  void knowsKeyAndWireSizes() {
    EspTransform gcm = EspTransform.aesGcm16(128);
    assertThat(gcm.encryptionKeyLength()).isEqualTo(20);
    assertThat(gcm.integrityKeyLength()).isZero();
    assertThat(gcm.sealedLength(1400)).isEqualTo(8 + 8 + 1400 + 2 + 2 + 16);
    EspTransform cbc = EspTransform.aesCbc(256, EspIntegrity.HMAC_SHA2_384_192);
    assertThat(cbc.encryptionKeyLength()).isEqualTo(32);
    assertThat(cbc.integrityKeyLength()).isEqualTo(48);
    assertThat(cbc.icvLength()).isEqualTo(24);
    assertThat(cbc.sealedLength(1400) % 16).isEqualTo((8 + 16 + 24) % 16);
  }

  @Test
  void maxPayloadLengthIsTheLargestThatFits() {
    for (EspTransform t : EspTestSupport.allTransforms()) {
      for (int budget = 100; budget < 1500; budget += 7) {
        int max = t.maxPayloadLength(budget);
        assertThat(t.sealedLength(max)).as("%s %d", t, budget).isLessThanOrEqualTo(budget);
        assertThat(t.sealedLength(max + 1)).as("%s %d", t, budget).isGreaterThan(budget);
      }
    }
  }
}
