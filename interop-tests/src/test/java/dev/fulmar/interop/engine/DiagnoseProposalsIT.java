package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each IKE and each ESP proposal of issue 2, offered alone by the profile: the gateway's list-sas
 * shows exactly those algorithms.
 */
class DiagnoseProposalsIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmarClient fulmar;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-proposals");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    fulmar = new FulmarClient(lab);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private static Path profile(String name, String ike, String esp) {
    return fulmar.profile(name, PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }",
        "\"proposals\": { \"ike\": [ \"" + ike + "\" ], \"esp\": [ \"" + esp + "\" ] }");
  }

  @ParameterizedTest
  @CsvSource({
    "aes256gcm16-prfsha384-ecp384, AES_GCM_16-256/PRF_HMAC_SHA2_384/ECP_384,"
        + " aes256gcm16-prfsha384-ecp384",
    "aes128gcm16-prfsha256-curve25519, AES_GCM_16-128/PRF_HMAC_SHA2_256/CURVE_25519,"
        + " aes128gcm16-prfsha256-curve25519",
    "chacha20poly1305-prfsha256-curve25519, CHACHA20_POLY1305-256/PRF_HMAC_SHA2_256/CURVE_25519,"
        + " chacha20poly1305-prfsha256-curve25519",
    "aes256-sha256-modp2048, AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048,"
        + " aes256-sha256-prfsha256-modp2048"
  })
  void ikeProposal(String proposal, String gatewaySees, String clientReports) {
    Checks.Connected c = Checks.connect(fulmar, gateway,
        profile("ike-" + proposal, proposal, "aes256gcm16"), GatewayConfig.EAP_PASSWORD,
        "eap-mschapv2");
    assertThat(c.gateway().proposal().replace("CHACHA20_POLY1305/", "CHACHA20_POLY1305-256/"))
        .isEqualTo(gatewaySees);
    assertThat(c.client().field("ike", "proposal")).isEqualTo(clientReports);
  }

  @ParameterizedTest
  @CsvSource({
    "aes256gcm16, AES_GCM_16-256",
    "aes128gcm16, AES_GCM_16-128",
    "chacha20poly1305, CHACHA20_POLY1305",
    "aes256-sha256, AES_CBC-256/HMAC_SHA2_256_128"
  })
  void espProposal(String proposal, String gatewaySees) {
    Checks.Connected c = Checks.connect(fulmar, gateway,
        profile("esp-" + proposal, "aes256gcm16-prfsha384-ecp384", proposal),
        GatewayConfig.EAP_PASSWORD, "eap-mschapv2");
    String child = c.gateway().children().get(0).proposal();
    assertThat(child.replace("CHACHA20_POLY1305-256", "CHACHA20_POLY1305"))
        .isEqualTo(gatewaySees);
    assertThat(c.client().field("esp", "proposal")).isEqualTo(proposal);
  }
}
