package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals with the right message and exit code, and nothing secret sent: a wrong password, a
 * gateway certificate from an unknown CA, a gateway identity mismatch, a gateway that accepts only
 * weak proposals. The gateway's log proves it never got an EAP answer or AUTH from us where the
 * gateway was not authenticated.
 */
class DiagnoseRefusalsIT {
  private static final Pki PKI = Pki.shared();
  private Lab lab;
  private StrongSwanGateway gateway;

  @AfterEach
  void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private FulmarClient.Diagnosis run(String name, GatewayConfig config, String password) {
    lab = Lab.create("engine-refuse-" + name);
    gateway = StrongSwanGateway.start(lab, config.build());
    FulmarClient fulmar = new FulmarClient(lab);
    Path p = fulmar.profile(name, PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }");
    return fulmar.diagnose(p, password);
  }

  private String gatewayLog() throws Exception {
    return Files.readString(gateway.logFile());
  }

  @Test
  void wrongPassword() {
    FulmarClient.Diagnosis d = run("password", GatewayConfig.remoteAccess(PKI), "not-the-pw");
    assertThat(d.exitCode()).as(d.toString()).isEqualTo(7);
    assertThat(d.field("step")).isEqualTo("IKE_AUTH");
    assertThat(d.field("reason")).isEqualTo("the gateway rejected the user name or password");
  }

  @Test
  void gatewayCertificateFromAnUnknownCa() throws Exception {
    FulmarClient.Diagnosis d = run("unknown-ca", GatewayConfig.remoteAccess(PKI)
        .gatewayCert(PKI.gatewayFromUnknownCa()), GatewayConfig.EAP_PASSWORD);
    assertThat(d.exitCode()).as(d.toString()).isEqualTo(6);
    assertThat(d.field("code")).isEqualTo("GATEWAY_CERT_UNTRUSTED");
    assertThat(d.field("reason")).contains(Lab.GATEWAY_NAME);
    assertNoEapAnswerReachedTheGateway();
  }

  @Test
  void gatewayIdentityMismatch() throws Exception {
    FulmarClient.Diagnosis d = run("wrong-name", GatewayConfig.remoteAccess(PKI)
        .gatewayCert(PKI.gatewayWithWrongName()), GatewayConfig.EAP_PASSWORD);
    assertThat(d.exitCode()).as(d.toString()).isEqualTo(6);
    assertThat(d.field("code")).isEqualTo("GATEWAY_IDENTITY_MISMATCH");
    assertThat(d.field("reason")).isEqualTo("the gateway's certificate names other.fulmar.test,"
        + " 192.0.2.99, but the profile connects to " + Lab.GATEWAY_IP);
    assertNoEapAnswerReachedTheGateway();
  }

  @Test
  void gatewayThatAcceptsOnlyWeakProposals() throws Exception {
    FulmarClient.Diagnosis d = run("weak", GatewayConfig.remoteAccess(PKI)
        .ikeProposals("3des-sha1-modp1024").espProposals("3des-sha1"),
        GatewayConfig.EAP_PASSWORD);
    assertThat(d.exitCode()).as(d.toString()).isEqualTo(8);
    assertThat(d.field("step")).isEqualTo("IKE_SA_INIT");
    assertThat(d.field("code")).isEqualTo("NO_PROPOSAL_CHOSEN_CLASSIC_ONLY");
    assertThat(d.field("fix")).contains("ask the administrator");
    assertThat(gatewayLog()).doesNotContain("IKE_AUTH");
  }

  /**
   * The gateway got our first IKE_AUTH (no AUTH, no EAP) and then only our notice that we abandon
   * the SA: no EAP answer, no second IKE_AUTH. strongSwan keeps a CONNECTING IKE SA until its
   * half-open timeout even after that Delete.
   */
  private void assertNoEapAnswerReachedTheGateway() throws Exception {
    String log = gatewayLog();
    // IDi, CERTREQ, the MOBIKE announcement and the configuration request: no AUTH, no EAP
    assertThat(log).containsPattern(
        "parsed IKE_AUTH request 1 \\[ IDi CERTREQ (N\\(MOBIKE_SUP\\) )?CPRQ");
    assertThat(log).doesNotContain("parsed IKE_AUTH request 2");
    assertThat(log).doesNotContain("received EAP identity");
    assertThat(log).containsPattern("parsed INFORMATIONAL request 2 \\[ N\\(AUTH_FAILED\\) D \\]");
  }
}
