package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkiTest {
  private static final Pki PKI = Pki.shared();

  @Test
  void gatewayCertificateNamesDnsAndIpWithIkeUsages() throws Exception {
    Credential gw = PKI.gateway(Pki.KeyKind.ECDSA_P256);
    X509Certificate cert = gw.certificate();

    cert.verify(PKI.caCert().getPublicKey());
    assertThat(cert.getSubjectAlternativeNames())
        .contains(List.of(2, Lab.GATEWAY_NAME), List.of(7, Lab.GATEWAY_IP));
    assertThat(cert.getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.8.2.2");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(gw.identity()).isEqualTo(Lab.GATEWAY_NAME);
    assertThat(gw.keyAlgorithm()).isEqualTo("EC");
    assertThat(PKI.gateway(Pki.KeyKind.ECDSA_P256)).isSameAs(gw);
  }

  @Test
  void refusalCertificatesHaveTheWrongNameOrAnUnknownIssuer() {
    X509Certificate wrong = PKI.gatewayWithWrongName().certificate();
    X509Certificate unknown = PKI.gatewayFromUnknownCa().certificate();

    assertThat(PKI.gatewayWithWrongName().identity()).isEqualTo("other.fulmar.test");
    assertThat(unknown.getSubjectX500Principal()).isEqualTo(
        PKI.gateway(Pki.KeyKind.RSA_2048).certificate().getSubjectX500Principal());
    assertThatThrownBy(() -> unknown.verify(PKI.caCert().getPublicKey()))
        .isInstanceOf(SignatureException.class);
    assertThat(wrong.getIssuerX500Principal()).isEqualTo(PKI.caCert().getSubjectX500Principal());
  }

  @Test
  void clientCertificateCarriesEmailIdentity() throws Exception {
    Credential c = PKI.clientWithEmail("erin@fulmar.test", Pki.KeyKind.ECDSA_P256);
    assertThat(c.certificate().getSubjectAlternativeNames())
        .containsExactly(List.of(1, "erin@fulmar.test"));
    assertThat(c.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(c.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
  }

  @Test
  void pkcs12OpensWithItsPasswordOnly() throws Exception {
    Credential c = PKI.clientWithDns("laptop.fulmar.test", Pki.KeyKind.ECDSA_P256);
    byte[] p12 = c.pkcs12("s3cret".toCharArray());

    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(p12), "s3cret".toCharArray());
    assertThat(((PrivateKey) ks.getKey(c.name(), "s3cret".toCharArray())).getEncoded())
        .isEqualTo(c.privateKey().getEncoded());
    assertThat(ks.getCertificateChain(c.name())).hasSize(2);
    assertThatThrownBy(() -> KeyStore.getInstance("PKCS12")
        .load(new ByteArrayInputStream(p12), "wrong".toCharArray()))
        .isInstanceOf(java.io.IOException.class);
  }
}
