package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Handshake;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.interop.lab.StrongSwanVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * strongSwan 6.1 (Debian sid chroot) as gateway and as client: a gateway that requires ML-KEM
 * (RFC 9370 additional key exchange, or ML-KEM alone) and what its list-sas shows.
 */
class PostQuantumIT {
  private static final Pki PKI = Pki.shared();
  private static final String HYBRID_768 = "aes256gcm16-prfsha384-x25519-ke1_mlkem768";
  private static final String HYBRID_1024 = "aes256gcm16-prfsha384-ecp256-ke1_mlkem1024";
  private static final String MLKEM_ONLY = "aes256gcm16-prfsha384-mlkem768";
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private StrongSwanClient client;

  @BeforeAll
  static void startGateway() {
    lab = Lab.create("post-quantum");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .ikeProposals(String.join(",", HYBRID_768, HYBRID_1024, MLKEM_ONLY))
        .build(), StrongSwanVersion.V6_1);
  }

  @AfterAll
  static void closeLab() {
    if (lab != null) {
      lab.close(); // also fails if anything is still mounted below the chroot
    }
  }

  @AfterEach
  void stopClient() {
    if (client != null) {
      client.stop();
      assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void gatewayOffersMlKem() {
    assertThat(gateway.version()).startsWith("6.1");
    Map<String, List<String>> algs = gateway.algorithms();
    assertThat(algs.getOrDefault("ke", algs.get("dh")))
        .contains("ML_KEM_512", "ML_KEM_768", "ML_KEM_1024", "CURVE_25519");
  }

  @Test
  void hybridX25519PlusMlKem768() {
    IkeSa sa = connect(HYBRID_768);
    assertThat(sa.dhGroup()).isEqualTo("CURVE_25519");
    assertThat(sa.additionalKeyExchanges()).containsExactly("ML_KEM_768");
    assertThat(sa.proposal())
        .isEqualTo("AES_GCM_16-256/PRF_HMAC_SHA2_384/CURVE_25519/KE1_ML_KEM_768");

    client.terminateAll();
    List<Handshake> runs = client.repeatHandshakes("lan", 10);
    Measurements.record("strongSwan 6.1 client handshake " + HYBRID_768,
        Measurements.summarize(runs));
  }

  @Test
  void hybridEcp256PlusMlKem1024FragmentsIkeIntermediate() {
    PacketCapture cap = lab.capture(lab.gateway(), "g0", "udp port 500 or udp port 4500");
    IkeSa sa = connect(HYBRID_1024);
    assertThat(sa.keyExchanges()).containsExactly("ECP_256", "ML_KEM_1024");
    // IKE_INTERMEDIATE (43) carried in Encrypted Fragment payloads (53)
    assertThat(cap.count("isakmp.exchangetype == 43 && isakmp.nextpayload == 53"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void mlKem768AloneInIkeSaInit() {
    IkeSa sa = connect(MLKEM_ONLY);
    assertThat(sa.keyExchanges()).containsExactly("ML_KEM_768");
  }

  @Test
  void classicOnlyClientIsRefusedWithNoProposalChosen() {
    PacketCapture cap = lab.capture(lab.gateway(), "g0", "udp port 500");
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .ikeProposals("aes256gcm16-prfsha384-x25519").build(), StrongSwanVersion.V6_1);
    Handshake h = client.tryInitiate(null, "lan", Duration.ofSeconds(15));
    assertThat(h.success()).isFalse();
    // NO_PROPOSAL_CHOSEN (14) in the gateway's IKE_SA_INIT answer
    assertThat(cap.count("ip.src == " + Lab.GATEWAY_IP + " && isakmp.notify.msgtype == 14"))
        .isPositive();
  }

  private IkeSa connect(String proposal) {
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).ikeProposals(proposal)
        .build(), StrongSwanVersion.V6_1);
    Handshake h = client.initiate("lan");
    Measurements.record("strongSwan 6.1 client handshake " + proposal, h.millis());
    IkeSa mine = client.listSas().get(0);
    IkeSa sa = gateway.awaitSa(s -> s.remoteVips().equals(mine.localVips()),
        Duration.ofSeconds(5)).orElseThrow();
    assertThat(sa.established()).isTrue();
    assertThat(mine.keyExchanges()).isEqualTo(sa.keyExchanges());
    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(2).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output()).isTrue();
    return sa;
  }
}
