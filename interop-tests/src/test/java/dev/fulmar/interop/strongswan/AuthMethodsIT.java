package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Handshake;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the lab with strongSwan's own client against the standard 5.9.8 gateway: each
 * authentication method establishes IKE and CHILD SAs, the gateway's list-sas shows them with the
 * client's virtual IP, and the LAN host answers pings through the tunnel.
 */
class AuthMethodsIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private StrongSwanClient client;

  @BeforeAll
  static void startGateway() {
    lab = Lab.create("auth-methods");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
  }

  @AfterAll
  static void closeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @AfterEach
  void stopClient() {
    if (client != null) {
      client.stop();
      assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(10)))
          .as("the gateway dropped the SA of the client that stopped").isTrue();
    }
  }

  @Test
  void eapMschapv2ClientGetsVirtualIpAndReachesLan() {
    IkeSa sa = connect(ClientConfig.eapMschapv2(PKI), "eap-mschapv2");
    assertThat(sa.eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
  }

  @Test
  void rsaCertificateClientConnects() {
    IkeSa sa = connect(ClientConfig.certificate(PKI,
        PKI.clientWithEmail("bob@fulmar.test", Pki.KeyKind.RSA_2048)), "pubkey");
    assertThat(sa.remoteId()).isEqualTo("bob@fulmar.test");
  }

  @Test
  void ecdsaCertificateClientConnects() {
    IkeSa sa = connect(ClientConfig.certificate(PKI,
        PKI.clientWithEmail("erin@fulmar.test", Pki.KeyKind.ECDSA_P256)), "pubkey");
    assertThat(sa.remoteId()).isEqualTo("erin@fulmar.test");
  }

  @Test
  void eapTlsClientConnects() {
    IkeSa sa = connect(ClientConfig.eapTls(PKI,
        PKI.clientWithEmail("carol@" + GatewayConfig.EAP_TLS_DOMAIN, Pki.KeyKind.ECDSA_P256)),
        "eap-tls");
    assertThat(sa.remoteId()).isEqualTo("carol@" + GatewayConfig.EAP_TLS_DOMAIN);
  }

  @Test
  void pskClientConnects() {
    connect(ClientConfig.psk(PKI), "psk");
  }

  @Test
  void eapMd5ClientConnects() {
    connect(ClientConfig.eap(PKI, "eap-md5", GatewayConfig.MD5_USER,
        GatewayConfig.MD5_PASSWORD), "eap-md5");
  }

  @Test
  void eapGtcClientConnects() {
    connect(ClientConfig.eap(PKI, "eap-gtc", GatewayConfig.GTC_USER,
        GatewayConfig.GTC_PASSWORD), "eap-gtc");
  }

  private IkeSa connect(ClientConfig config, String expectedConnection) {
    client = StrongSwanClient.start(lab, config.build());
    Handshake h = client.initiate("lan");
    System.out.printf("strongSwan client handshake via %s: %s%n", expectedConnection,
        h.millis());

    IkeSa mine = client.listSas().get(0);
    assertThat(mine.established()).isTrue();
    assertThat(mine.localVips()).hasSize(1);
    String vip = mine.localVips().get(0);

    IkeSa sa = gateway.awaitSa(s -> s.remoteVips().contains(vip), Duration.ofSeconds(5))
        .orElseThrow();
    assertThat(sa.name()).isEqualTo(expectedConnection);
    assertThat(sa.established()).isTrue();
    assertThat(sa.child("lan").installed()).isTrue();
    assertThat(sa.child("lan").localTs()).containsExactly(Lab.LAN_SUBNET);
    assertThat(sa.child("lan").remoteTs()).containsExactly(vip + "/32");

    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output()).isTrue();
    assertThat(gateway.awaitSa(s -> s.child("lan") != null && s.child("lan").packetsIn() >= 3,
        Duration.ofSeconds(2))).isPresent();
    return sa;
  }
}
