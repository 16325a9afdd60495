package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.auth.GatewayAuthException.Reason;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassicSignatureAuthTest {

  private static final byte[] OCTETS = "responder signed octets".getBytes();

  @ParameterizedTest
  @CsvSource({"9, EC_P256, SHA256withECDSAinP1363Format, 64",
      "10, EC_P384, SHA384withECDSAinP1363Format, 96",
      "11, EC_P521, SHA512withECDSAinP1363Format, 132"})
  void verifiesRfc4754RawSignatures(int method, KeyKind kind, String jca, int length)
      throws Exception {
    KeyPair kp = TestPki.keyPair(kind);
    Signature s = Signature.getInstance(jca);
    s.initSign(kp.getPrivate());
    s.update(OCTETS);
    byte[] sig = s.sign();
    assertThat(sig).hasSize(length);
    AuthVerifier.verifySignature(method, kp.getPublic(), sig, OCTETS);
    sig[5] ^= 1;
    assertThatThrownBy(() -> AuthVerifier.verifySignature(method, kp.getPublic(), sig, OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesRsaDigitalSignatureBecauseItUsesSha1() {
    assertThatThrownBy(() -> AuthVerifier.verifySignature(1,
            TestPki.keyPair(KeyKind.RSA_2048).getPublic(), new byte[256], OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("SHA-1")
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.WEAK_ALGORITHM);
  }

  @Test
  void rejectsP256MethodWithP384Key() {
    assertThatThrownBy(() -> AuthVerifier.verifySignature(9,
            TestPki.keyPair(KeyKind.EC_P384).getPublic(), new byte[64], OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("P-256")
        .hasMessageContaining("P-384");
  }

  @Test
  void rejectsWrongSignatureLength() {
    assertThatThrownBy(() -> AuthVerifier.verifySignature(9,
            TestPki.keyPair(KeyKind.EC_P256).getPublic(), new byte[70], OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("70 bytes");
  }

  @Test
  void namesPskWhenCertificateWasExpected() {
    assertThatThrownBy(() -> AuthVerifier.verifySignature(2,
            TestPki.keyPair(KeyKind.EC_P256).getPublic(), new byte[32], OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("pre-shared key");
  }

  @Test
  void rejectsUnknownMethod() {
    assertThatThrownBy(() -> AuthVerifier.verifySignature(200,
            TestPki.keyPair(KeyKind.EC_P256).getPublic(), new byte[32], OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_AUTH_METHOD);
  }
}
