package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Credential;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fulmard diagnose} against strongSwan 5.9.8 with each authentication method of issue 2:
 * the gateway lists the SA as ESTABLISHED with our SPIs, virtual IP and algorithms.
 */
class DiagnoseAuthIT {
  private static final Pki PKI = Pki.shared();
  private static final String P12_PASSWORD = "fulmar-lab-p12";
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmarClient fulmar;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-auth");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    fulmar = new FulmarClient(lab);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void eapMschapv2() {
    Path p = fulmar.profile("eap", PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, GatewayConfig.EAP_PASSWORD,
        "eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.client().field("authMethod")).isEqualTo("EAP-MSCHAPv2");
    assertThat(c.client().json().path("dns").path(0).asText()).isEqualTo(Lab.PUSHED_DNS);
  }

  @Test
  void eapMd5() {
    Path p = fulmar.profile("md5", PKI, "{ \"method\": \"eap-md5\", \"username\": \""
        + GatewayConfig.MD5_USER + "\" }");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, GatewayConfig.MD5_PASSWORD,
        "eap-md5");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.MD5_USER);
  }

  @Test
  void eapGtc() {
    Path p = fulmar.profile("gtc", PKI, "{ \"method\": \"eap-gtc\", \"username\": \""
        + GatewayConfig.GTC_USER + "\" }");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, GatewayConfig.GTC_PASSWORD,
        "eap-gtc");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.GTC_USER);
  }

  @Test
  void rsaCertificate() {
    certificate("bob@fulmar.test", Pki.KeyKind.RSA_2048);
  }

  @Test
  void ecdsaCertificate() {
    certificate("erin@fulmar.test", Pki.KeyKind.ECDSA_P256);
  }

  private void certificate(String email, Pki.KeyKind kind) {
    Path p12 = p12(PKI.clientWithEmail(email, kind), email);
    Path p = fulmar.profile("cert-" + kind, PKI, "{ \"method\": \"certificate\", \"pkcs12\": {"
        + " \"path\": \"" + p12 + "\" } }", "\"localId\": \"" + email + "\"");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, P12_PASSWORD, "pubkey");
    assertThat(c.gateway().remoteId()).isEqualTo(email);
    assertThat(c.client().field("authMethod")).isEqualTo("certificate");
  }

  @Test
  void eapTls() {
    String email = "carol@" + GatewayConfig.EAP_TLS_DOMAIN;
    Path p12 = p12(PKI.clientWithEmail(email, Pki.KeyKind.ECDSA_P256), "carol");
    Path p = fulmar.profile("eap-tls", PKI, "{ \"method\": \"eap-tls\", \"pkcs12\": {"
        + " \"path\": \"" + p12 + "\" }, \"identity\": \"" + email + "\" }",
        "\"localId\": \"" + email + "\"");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, P12_PASSWORD, "eap-tls");
    assertThat(c.gateway().remoteId()).isEqualTo(email);
    assertThat(c.client().field("authMethod")).isEqualTo("EAP-TLS");
  }

  @Test
  void preSharedKey() {
    Path p = fulmar.profile("psk", PKI, "{ \"method\": \"psk\" }",
        "\"localId\": \"" + GatewayConfig.PSK_USER + "\"",
        "\"remoteId\": \"" + Lab.GATEWAY_NAME + "\"");
    Checks.Connected c = Checks.connect(fulmar, gateway, p, GatewayConfig.PSK, "psk");
    assertThat(c.gateway().remoteId()).isEqualTo(GatewayConfig.PSK_USER);
  }

  private static Path p12(Credential credential, String name) {
    return credential.writePkcs12(fulmar.file(name + ".p12"), P12_PASSWORD.toCharArray());
  }
}
