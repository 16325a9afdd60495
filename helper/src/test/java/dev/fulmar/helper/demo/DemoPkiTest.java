package dev.fulmar.helper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's certificates are what an IKEv2 gateway and the client's checks expect. */
class DemoPkiTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static DemoPki.Material m;
  static X509Certificate ca;
  static X509Certificate gw;

  @BeforeAll
  static void issue() throws Exception {
    m = DemoPki.issue(new SecureRandom(), NOW);
    ca = cert(m.caCertPem());
    gw = cert(m.gatewayCertPem());
  }

  static X509Certificate cert(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theCaIsASelfSignedCa() throws Exception {
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getSubjectX500Principal().getName()).contains("Fulmar demo CA");
  }

  @Test
  void theGatewayCertificateNamesTheGatewayForIke() throws Exception {
    gw.verify(ca.getPublicKey());
    assertThat(gw.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(gw.getBasicConstraints()).isEqualTo(-1);
    assertThat(gw.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
        List.of(7, "192.0.2.1"), List.of(2, "gateway.demo.fulmar.invalid"));
    assertThat(gw.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1",
        "1.3.6.1.5.5.8.2.2");
    assertThat(((RSAPublicKey) gw.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(gw.getSigAlgName()).isEqualTo("SHA256withRSA");
    gw.checkValidity(Date.from(NOW));
    gw.checkValidity(Date.from(NOW.plusSeconds(9L * 365 * 86400)));
  }

  @Test
  void theGatewayKeyBelongsToItsCertificate() throws Exception {
    String b64 = m.gatewayKeyPem().replace("-----BEGIN PRIVATE KEY-----", "")
        .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(gw.getPublicKey());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(sig)).isTrue();
  }
}
