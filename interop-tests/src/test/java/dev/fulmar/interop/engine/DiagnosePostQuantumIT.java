package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.interop.lab.StrongSwanVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fulmar against strongSwan 6.1 requiring ML-KEM (RFC 9370): hybrid x25519 + ML-KEM-768 and ecp256
 * + ML-KEM-1024 through IKE_INTERMEDIATE, ML-KEM-768 alone in IKE_SA_INIT, and a classic-only
 * profile refused with a message that names post-quantum key exchange.
 */
class DiagnosePostQuantumIT {
  private static final Pki PKI = Pki.shared();
  private static final String HYBRID_768 = "aes256gcm16-prfsha384-x25519-ke1_mlkem768";
  private static final String HYBRID_1024 = "aes256gcm16-prfsha384-ecp256-ke1_mlkem1024";
  private static final String MLKEM_ONLY = "aes256gcm16-prfsha384-mlkem768";
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmarClient fulmar;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-pq");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .ikeProposals(String.join(",", HYBRID_768, HYBRID_1024, MLKEM_ONLY)).build(),
        StrongSwanVersion.V6_1);
    fulmar = new FulmarClient(lab);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private static Path profile(String name, String ike) {
    return fulmar.profile(name, PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }",
        "\"proposals\": { \"ike\": [ \"" + ike + "\" ] }");
  }

  private static Checks.Connected connect(String name, String ike) {
    return Checks.connect(fulmar, gateway, profile(name, ike), GatewayConfig.EAP_PASSWORD,
        "eap-mschapv2");
  }

  @Test
  void hybridX25519PlusMlKem768() {
    Checks.Connected c = connect("hybrid768", HYBRID_768);
    assertThat(c.gateway().keyExchanges()).containsExactly("CURVE_25519", "ML_KEM_768");
    assertThat(c.gateway().proposal())
        .isEqualTo("AES_GCM_16-256/PRF_HMAC_SHA2_384/CURVE_25519/KE1_ML_KEM_768");
    assertThat(c.client().json().path("exchanges").findValuesAsText("exchange"))
        .startsWith("IKE_SA_INIT", "IKE_INTERMEDIATE", "IKE_AUTH");
  }

  @Test
  void hybridEcp256PlusMlKem1024WithFragmentedIkeIntermediate() {
    PacketCapture cap = lab.capture(lab.gateway(), "g0", "udp port 500 or udp port 4500");
    Checks.Connected c = connect("hybrid1024", HYBRID_1024);
    assertThat(c.gateway().keyExchanges()).containsExactly("ECP_256", "ML_KEM_1024");
    assertThat(c.client().json().path("fragmentation").path("fragmentedMessagesSent").asInt())
        .isPositive();
    // IKE_INTERMEDIATE (43) in Encrypted Fragment payloads (53), from us and from the gateway
    assertThat(cap.count("ip.src == " + lab.clientAddressSeenByGateway()
        + " && isakmp.exchangetype == 43 && isakmp.nextpayload == 53")).isGreaterThanOrEqualTo(2);
    assertThat(cap.count("ip.src == " + Lab.GATEWAY_IP
        + " && isakmp.exchangetype == 43 && isakmp.nextpayload == 53")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void mlKem768AloneInIkeSaInit() {
    Checks.Connected c = connect("mlkem", MLKEM_ONLY);
    assertThat(c.gateway().keyExchanges()).containsExactly("ML_KEM_768");
    assertThat(c.client().json().path("exchanges").findValuesAsText("exchange"))
        .doesNotContain("IKE_INTERMEDIATE");
  }

  @Test
  void aClassicOnlyProfileIsToldTheGatewayMayRequirePostQuantum() {
    FulmarClient.Diagnosis d = fulmar.diagnose(profile("classic",
        "aes256gcm16-prfsha384-x25519"), GatewayConfig.EAP_PASSWORD);
    assertThat(d.exitCode()).as(d.toString()).isEqualTo(8);
    assertThat(d.field("step")).isEqualTo("IKE_SA_INIT");
    assertThat(d.field("code")).isEqualTo("NO_PROPOSAL_CHOSEN_CLASSIC_ONLY");
    assertThat(d.field("reason")).contains("only classic key exchange");
    assertThat(d.field("fix")).contains("post-quantum (ML-KEM)");
  }
}
