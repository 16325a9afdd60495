package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.auth.GatewayAuthException.Reason;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigitalSignatureAuthTest {

  private static final HexFormat HEX = HexFormat.of();
  /** RFC 7427 Appendix A.2.1, sha256WithRSAEncryption. */
  private static final String SHA256_WITH_RSA_HEX = "300d06092a864886f70d01010b0500";
  /** RFC 7427 Appendix A.2.2, sha384WithRSAEncryption. */
  private static final String SHA384_WITH_RSA_HEX = "300d06092a864886f70d01010c0500";
  /** RFC 7427 Appendix A.2.3, sha512WithRSAEncryption. */
  private static final String SHA512_WITH_RSA_HEX = "300d06092a864886f70d01010d0500";
  /** RFC 7427 Appendix A.3.2, ecdsa-with-sha256. */
  private static final String ECDSA_SHA256_HEX = "300a06082a8648ce3d040302";
  /** RFC 7427 Appendix A.3.3, ecdsa-with-sha384. */
  private static final String ECDSA_SHA384_HEX = "300a06082a8648ce3d040303";
  /** RFC 7427 Appendix A.3.4, ecdsa-with-sha512. */
  private static final String ECDSA_SHA512_HEX = "300a06082a8648ce3d040304";
  /**
   * RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 (RFC 4055 §3.1 RSASSA-PSS-params, hash
   * parameters NULL), assembled by hand: the same octets are published as the PSS signature
   * AlgorithmIdentifier in the IETF composite signature drafts.
   */
  private static final String PSS_SHA256_HEX = "304106092a864886f70d01010a3034a00f300d060960864801"
      + "65030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120";
  /** RFC 7427 Appendix A.1, sha1WithRSAEncryption: must be refused. */
  private static final String SHA1_WITH_RSA_HEX = "300d06092a864886f70d0101050500";

  private static final byte[] OCTETS = "signed octets of IKE_AUTH".getBytes();
  private final SecureRandom random = new SecureRandom();

  static Stream<Arguments> algorithms() {
    return Stream.of(
        Arguments.of(SignatureAlgorithm.RSA_SHA256, KeyKind.RSA_2048, SHA256_WITH_RSA_HEX),
        Arguments.of(SignatureAlgorithm.RSA_SHA384, KeyKind.RSA_2048, SHA384_WITH_RSA_HEX),
        Arguments.of(SignatureAlgorithm.RSA_SHA512, KeyKind.RSA_2048, SHA512_WITH_RSA_HEX),
        Arguments.of(SignatureAlgorithm.RSA_PSS_SHA256, KeyKind.RSA_2048, PSS_SHA256_HEX),
        Arguments.of(SignatureAlgorithm.RSA_PSS_SHA384, KeyKind.RSA_3072, null),
        Arguments.of(SignatureAlgorithm.RSA_PSS_SHA512, KeyKind.RSA_2048, null),
        Arguments.of(SignatureAlgorithm.ECDSA_SHA256, KeyKind.EC_P256, ECDSA_SHA256_HEX),
        Arguments.of(SignatureAlgorithm.ECDSA_SHA384, KeyKind.EC_P384, ECDSA_SHA384_HEX),
        Arguments.of(SignatureAlgorithm.ECDSA_SHA512, KeyKind.EC_P521, ECDSA_SHA512_HEX));
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void signsWithTheRfc7427EncodingAndVerifies(SignatureAlgorithm alg, KeyKind kind,
      String algIdHex) throws Exception {
    KeyPair kp = TestPki.keyPair(kind);
    byte[] auth = DigitalSignatureAuth.sign(kp.getPrivate(), alg, OCTETS, random);
    int len = auth[0] & 0xff;
    byte[] algId = java.util.Arrays.copyOfRange(auth, 1, 1 + len);
    if (algIdHex != null) {
      assertThat(HEX.formatHex(algId)).isEqualTo(algIdHex);
    }
    DigitalSignatureAuth.verify(kp.getPublic(), auth, OCTETS);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void rejectsSignatureOverOtherOctets(SignatureAlgorithm alg, KeyKind kind, String unused)
      throws Exception {
    KeyPair kp = TestPki.keyPair(kind);
    byte[] auth = DigitalSignatureAuth.sign(kp.getPrivate(), alg, OCTETS, random);
    assertThatThrownBy(() -> DigitalSignatureAuth.verify(kp.getPublic(), auth, new byte[] {1}))
        .isInstanceOf(GatewayAuthException.class)
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsSignatureByAnotherKey() throws Exception {
    byte[] auth = DigitalSignatureAuth.sign(TestPki.otherKeyPair(KeyKind.EC_P256).getPrivate(),
        SignatureAlgorithm.ECDSA_SHA256, OCTETS, random);
    assertThatThrownBy(() -> DigitalSignatureAuth.verify(
            TestPki.keyPair(KeyKind.EC_P256).getPublic(), auth, OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void refusesSha1NamingIt() {
    byte[] algId = HEX.parseHex(SHA1_WITH_RSA_HEX);
    byte[] auth = new byte[1 + algId.length + 256];
    auth[0] = (byte) algId.length;
    System.arraycopy(algId, 0, auth, 1, algId.length);
    assertThatThrownBy(() -> DigitalSignatureAuth.verify(
            TestPki.keyPair(KeyKind.RSA_2048).getPublic(), auth, OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("SHA-1")
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.WEAK_ALGORITHM);
  }

  @Test
  void rejectsEcdsaAlgorithmWithRsaKey() throws Exception {
    byte[] auth = DigitalSignatureAuth.sign(TestPki.keyPair(KeyKind.EC_P256).getPrivate(),
        SignatureAlgorithm.ECDSA_SHA256, OCTETS, random);
    assertThatThrownBy(() -> DigitalSignatureAuth.verify(
            TestPki.keyPair(KeyKind.RSA_2048).getPublic(), auth, OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void verifiesPssWhoseHashParametersAreAbsent() throws Exception {
    // RFC 4055 allows the hash AlgorithmIdentifier without the NULL parameters.
    AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    byte[] algId = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS,
        new RSASSAPSSparams(sha256,
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256),
            new ASN1Integer(32), new ASN1Integer(1))).getEncoded(ASN1Encoding.DER);
    KeyPair kp = TestPki.keyPair(KeyKind.RSA_2048);
    byte[] ours = DigitalSignatureAuth.sign(kp.getPrivate(), SignatureAlgorithm.RSA_PSS_SHA256,
        OCTETS, random);
    byte[] sig = java.util.Arrays.copyOfRange(ours, 1 + (ours[0] & 0xff), ours.length);
    byte[] auth = new byte[1 + algId.length + sig.length];
    auth[0] = (byte) algId.length;
    System.arraycopy(algId, 0, auth, 1, algId.length);
    System.arraycopy(sig, 0, auth, 1 + algId.length, sig.length);
    DigitalSignatureAuth.verify(kp.getPublic(), auth, OCTETS);
  }

  @Test
  void refusesPssWithDefaultSha1Parameters() {
    byte[] algId = HEX.parseHex("300d06092a864886f70d01010a3000");
    byte[] auth = new byte[1 + algId.length + 256];
    auth[0] = (byte) algId.length;
    System.arraycopy(algId, 0, auth, 1, algId.length);
    assertThatThrownBy(() -> DigitalSignatureAuth.verify(
            TestPki.keyPair(KeyKind.RSA_2048).getPublic(), auth, OCTETS))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("SHA-1");
  }

  @Property(tries = 3000)
  void arbitraryAuthDataYieldsOnlyTypedErrors(@ForAll byte[] authData) {
    try {
      DigitalSignatureAuth.verify(TestPki.keyPair(KeyKind.EC_P256).getPublic(), authData, OCTETS);
      throw new AssertionError("random AUTH data verified");
    } catch (GatewayAuthException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void arbitraryDataAfterAValidAlgorithmIdYieldsOnlyTypedErrors(@ForAll byte[] tail) {
    byte[] algId = HEX.parseHex(PSS_SHA256_HEX);
    byte[] auth = new byte[1 + algId.length + tail.length];
    auth[0] = (byte) algId.length;
    System.arraycopy(algId, 0, auth, 1, algId.length);
    System.arraycopy(tail, 0, auth, 1 + algId.length, tail.length);
    try {
      DigitalSignatureAuth.verify(TestPki.keyPair(KeyKind.RSA_2048).getPublic(), auth, OCTETS);
      throw new AssertionError("random signature verified");
    } catch (GatewayAuthException e) {
      assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }
  }
}
