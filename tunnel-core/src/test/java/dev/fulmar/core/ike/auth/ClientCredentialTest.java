package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.auth.CredentialException.Reason;
import dev.fulmar.core.ike.auth.TestPki.Issued;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCredentialTest {

  private static final char[] PASSWORD = "p12-secret".toCharArray();
  private static final Issued CA = TestPki.ca("Client CA", KeyKind.EC_P256);
  private static final Issued RSA_CLIENT = TestPki.cert("CN=alice").key(KeyKind.RSA_2048)
      .email("alice@example.test").clientAuth().issuedBy(CA);
  private static final Issued EC_CLIENT = TestPki.cert("CN=bob").key(KeyKind.EC_P384)
      .email("bob@example.test").issuedBy(CA);
  private static final List<SignatureHash> GATEWAY_HASHES =
      List.of(SignatureHash.SHA1, SignatureHash.SHA2_256, SignatureHash.SHA2_384,
          SignatureHash.SHA2_512);

  private static byte[] p12(Issued leaf) {
    return TestPki.pkcs12(leaf.privateKey(), List.of(leaf.certificate(), CA.certificate()),
        PASSWORD);
  }

  @Test
  void loadsKeyAndChainFromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("alice.p12");
    Files.write(file, p12(RSA_CLIENT));
    ClientCredential c = ClientCredential.loadPkcs12(file, PASSWORD.clone());
    assertThat(c.certificate()).isEqualTo(RSA_CLIENT.certificate());
    assertThat(c.chain()).containsExactly(RSA_CLIENT.certificate(), CA.certificate());
    assertThat(c.privateKey().getEncoded()).isEqualTo(RSA_CLIENT.privateKey().getEncoded());
    assertThat(c.toString()).doesNotContain("Private");
  }

  @Test
  void picksSignatureAlgorithmFromKeyType() throws Exception {
    ClientCredential rsa = ClientCredential.loadPkcs12(p12(RSA_CLIENT), PASSWORD);
    ClientCredential ec = ClientCredential.loadPkcs12(p12(EC_CLIENT), PASSWORD);
    assertThat(rsa.signatureAlgorithm(GATEWAY_HASHES, false))
        .isEqualTo(SignatureAlgorithm.RSA_SHA512);
    assertThat(rsa.signatureAlgorithm(GATEWAY_HASHES, true))
        .isEqualTo(SignatureAlgorithm.RSA_PSS_SHA512);
    assertThat(ec.signatureAlgorithm(GATEWAY_HASHES, false))
        .isEqualTo(SignatureAlgorithm.ECDSA_SHA384);
    assertThatThrownBy(() -> ec.signatureAlgorithm(List.of(SignatureHash.SHA1), false))
        .isInstanceOf(CredentialException.class)
        .extracting(e -> ((CredentialException) e).reason())
        .isEqualTo(Reason.NO_COMMON_ALGORITHM);
  }

  @Test
  void tellsWrongPasswordApart() {
    assertThatThrownBy(() -> ClientCredential.loadPkcs12(p12(RSA_CLIENT), "nope".toCharArray()))
        .isInstanceOf(CredentialException.class)
        .hasMessage("the password of the certificate file (PKCS#12) is wrong")
        .extracting(e -> ((CredentialException) e).reason())
        .isEqualTo(Reason.WRONG_PASSWORD);
  }

  @Test
  void tellsCorruptFileApart() {
    byte[] bytes = p12(RSA_CLIENT);
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    for (byte[] bad : List.of(truncated, "not a p12 file".getBytes(), new byte[0])) {
      assertThatThrownBy(() -> ClientCredential.loadPkcs12(bad, PASSWORD))
          .isInstanceOf(CredentialException.class)
          .hasMessageContaining("cannot be read as PKCS#12")
          .extracting(e -> ((CredentialException) e).reason())
          .isEqualTo(Reason.CORRUPT_OR_UNSUPPORTED);
    }
  }

  @Test
  void tellsFileWithoutPrivateKeyApart() {
    byte[] certsOnly = TestPki.pkcs12CertificatesOnly(List.of(CA.certificate()), PASSWORD);
    assertThatThrownBy(() -> ClientCredential.loadPkcs12(certsOnly, PASSWORD))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("no private key")
        .extracting(e -> ((CredentialException) e).reason())
        .isEqualTo(Reason.NO_PRIVATE_KEY);
  }

  @Test
  void tellsMissingFileApart(@TempDir Path dir) {
    assertThatThrownBy(() -> ClientCredential.loadPkcs12(dir.resolve("missing.p12"), PASSWORD))
        .isInstanceOf(CredentialException.class)
        .extracting(e -> ((CredentialException) e).reason())
        .isEqualTo(Reason.FILE_UNREADABLE);
  }

  @Test
  void signsAuthThatTheGatewaySideVerifies() throws Exception {
    byte[] octets = "initiator signed octets".getBytes();
    for (Issued leaf : List.of(RSA_CLIENT, EC_CLIENT)) {
      ClientCredential c = ClientCredential.loadPkcs12(p12(leaf), PASSWORD);
      for (boolean pss : new boolean[] {false, true}) {
        ClientSignature.AuthPayloadData auth = ClientSignature.sign(c, GATEWAY_HASHES, octets,
            pss, new SecureRandom());
        assertThat(auth.method()).isEqualTo(DigitalSignatureAuth.METHOD);
        AuthVerifier.verifySignature(auth.method(), leaf.certificate().getPublicKey(),
            auth.data(), octets);
      }
    }
  }

  @Test
  void fallsBackToRfc4754ForEcdsaWhenGatewayLacksRfc7427() throws Exception {
    ClientCredential ec = ClientCredential.loadPkcs12(p12(EC_CLIENT), PASSWORD);
    byte[] octets = "octets".getBytes();
    ClientSignature.AuthPayloadData auth =
        ClientSignature.sign(ec, List.of(), octets, false, new SecureRandom());
    assertThat(auth.method()).isEqualTo(ClassicSignatureAuth.ECDSA_SHA384_P384);
    assertThat(auth.data()).hasSize(96);
    AuthVerifier.verifySignature(auth.method(), EC_CLIENT.certificate().getPublicKey(),
        auth.data(), octets);
    ClientCredential rsa = ClientCredential.loadPkcs12(p12(RSA_CLIENT), PASSWORD);
    assertThatThrownBy(() -> ClientSignature.sign(rsa, List.of(), octets, false,
            new SecureRandom()))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("SHA-1");
  }
}
