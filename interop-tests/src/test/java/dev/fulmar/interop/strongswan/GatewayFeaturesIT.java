package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway variants the engine's proof needs, checked on the wire with strongSwan's client:
 * cookies demanded, IKE_AUTH fragmented by a 3072-bit RSA certificate, and a gateway that accepts
 * only a group the client does not guess first (INVALID_KE_PAYLOAD).
 */
class GatewayFeaturesIT {
  private static final Pki PKI = Pki.shared();
  private static final String IKE_PORTS = "udp port 500 or udp port 4500";
  private static Lab lab;
  private StrongSwanGateway gateway;
  private StrongSwanClient client;

  @BeforeAll
  static void createLab() {
    lab = Lab.create("gateway-features");
  }

  @AfterAll
  static void closeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @AfterEach
  void stopDaemons() {
    if (client != null) {
      client.stop();
    }
    if (gateway != null) {
      gateway.stop();
    }
  }

  @Test
  void gatewayDemandsACookieAndTheClientRetriesWithIt() {
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).forceCookies().build());
    assertThat(gateway.halfOpenSas()).as("decoy keeps one IKE_SA half-open").isOne();
    PacketCapture cap = lab.capture(lab.gateway(), "g0", IKE_PORTS);
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).build());
    client.initiate("lan");

    // COOKIE (16390): once in the gateway's answer, once in the client's second IKE_SA_INIT
    assertThat(cap.fields("isakmp.notify.msgtype == 16390", "ip.src"))
        .extracting(row -> row.get(0))
        .containsExactly(Lab.GATEWAY_IP, Lab.CLIENT_IP);
  }

  @Test
  void ikeAuthWithRsa3072CertificateIsFragmented() {
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .gatewayCert(PKI.gateway(Pki.KeyKind.RSA_3072)).build());
    PacketCapture cap = lab.capture(lab.gateway(), "g0", IKE_PORTS);
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).build());
    client.initiate("lan");

    // Encrypted Fragment payloads (SKF, 53) sent by the gateway
    int fragments = cap.count("ip.src == " + Lab.GATEWAY_IP + " && isakmp.nextpayload == 53");
    assertThat(fragments).isGreaterThanOrEqualTo(2);
  }

  @Test
  void eapTlsCanBeLimitedToTls12() throws Exception {
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .tlsVersionMax("1.2").build());
    client = StrongSwanClient.start(lab, ClientConfig.eapTls(PKI,
        PKI.clientWithEmail("carol@" + GatewayConfig.EAP_TLS_DOMAIN, Pki.KeyKind.ECDSA_P256))
        .build());
    client.initiate("lan");

    assertThat(Files.readString(gateway.logFile())).contains("negotiated TLS 1.2");
  }

  @Test
  void gatewayAsksForItsOnlyGroupWithInvalidKePayload() {
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .ikeProposals("aes256gcm16-prfsha384-ecp384").build());
    PacketCapture cap = lab.capture(lab.gateway(), "g0", IKE_PORTS);
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .ikeProposals("aes256gcm16-prfsha384-curve25519-ecp384").build());
    client.initiate("lan");

    // INVALID_KE_PAYLOAD (17) from the gateway, then success with ECP_384
    assertThat(cap.count("ip.src == " + Lab.GATEWAY_IP + " && isakmp.notify.msgtype == 17"))
        .isOne();
    IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
    assertThat(sa.dhGroup()).isEqualTo("ECP_384");
  }
}
