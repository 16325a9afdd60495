package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gateway behaviours Fulmar must cope with: a key exchange it did not guess first (INVALID_KE
 * retry), forced cookies, IKE fragmentation with a 3072-bit gateway certificate, and a client
 * behind an nftables masquerade NAT.
 */
class DiagnoseGatewayFeaturesIT {
  private static final Pki PKI = Pki.shared();
  private Lab lab;

  @AfterEach
  void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private Checks.Connected run(Lab l, GatewayConfig config, String... profileExtra) {
    lab = l;
    StrongSwanGateway gateway = StrongSwanGateway.start(lab, config.build());
    FulmarClient fulmar = new FulmarClient(lab);
    Path p = fulmar.profile("features", PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }", profileExtra);
    return Checks.connect(fulmar, gateway, p, GatewayConfig.EAP_PASSWORD, "eap-mschapv2");
  }

  private static List<String> exchanges(Checks.Connected c) {
    return c.client().json().path("exchanges").findValuesAsText("exchange");
  }

  @Test
  void retriesWithTheGroupTheGatewayAsksFor() {
    Checks.Connected c = run(Lab.create("engine-invalid-ke"),
        GatewayConfig.remoteAccess(PKI).ikeProposals("aes256gcm16-prfsha384-ecp384"),
        "\"proposals\": { \"ike\": [ \"aes256gcm16-prfsha384-x25519-ecp384\" ] }");
    assertThat(exchanges(c)).startsWith("IKE_SA_INIT", "IKE_SA_INIT", "IKE_AUTH");
    assertThat(c.gateway().dhGroup()).isEqualTo("ECP_384");
  }

  @Test
  void answersTheGatewaysCookie() {
    Checks.Connected c = run(Lab.create("engine-cookies"),
        GatewayConfig.remoteAccess(PKI).forceCookies());
    assertThat(exchanges(c)).startsWith("IKE_SA_INIT", "IKE_SA_INIT", "IKE_AUTH");
  }

  @Test
  void reassemblesTheFragmentedIkeAuthOfA3072BitGatewayCertificate() {
    Checks.Connected c = run(Lab.create("engine-fragments"), GatewayConfig.remoteAccess(PKI)
        .gatewayCert(PKI.gateway(Pki.KeyKind.RSA_3072)));
    assertThat(c.client().json().path("fragmentation").path("supported").asBoolean()).isTrue();
    assertThat(c.client().json().path("fragmentation").path("fragmentedMessagesReceived")
        .asInt()).isPositive();
  }

  @Test
  void connectsFromBehindANat() {
    Checks.Connected c = run(Lab.createWithNat("engine-nat"), GatewayConfig.remoteAccess(PKI));
    assertThat(c.client().json().path("nat").path("clientBehindNat").asBoolean()).isTrue();
    assertThat(c.client().json().path("nat").path("udpEncapsulation").asBoolean()).isTrue();
    assertThat(c.gateway().remoteHost()).isEqualTo(Lab.NAT_OUTSIDE_IP);
    assertThat(c.gateway().natRemote()).isTrue();
    assertThat(c.client().field("localAddress")).startsWith(Lab.CLIENT_BEHIND_NAT_IP + ":");
  }
}
