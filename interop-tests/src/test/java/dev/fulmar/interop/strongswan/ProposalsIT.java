package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ChildSa;
import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Handshake;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each IKE proposal and each ESP proposal of the engine's interop proof, negotiated between
 * strongSwan's client and the standard gateway: both sides' list-sas show the same algorithms, and
 * traffic flows through the CHILD_SA.
 */
class ProposalsIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private StrongSwanClient client;

  @BeforeAll
  static void startGateway() {
    lab = Lab.create("proposals");
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
      assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(10))).isTrue();
    }
  }

  /** A proposal pair as the client configures it and as both daemons then list it. */
  record Case(String ike, String esp, String ikeListed, String espListed) {
    @Override
    public String toString() {
      return ike + " / " + esp;
    }
  }

  static Stream<Case> proposals() {
    return Stream.of(
        new Case("aes256gcm16-prfsha384-ecp384", "aes256gcm16",
            "AES_GCM_16-256/PRF_HMAC_SHA2_384/ECP_384", "AES_GCM_16-256"),
        new Case("aes128gcm16-prfsha256-curve25519", "aes128gcm16",
            "AES_GCM_16-128/PRF_HMAC_SHA2_256/CURVE_25519", "AES_GCM_16-128"),
        new Case("chacha20poly1305-prfsha256-curve25519", "chacha20poly1305",
            "CHACHA20_POLY1305/PRF_HMAC_SHA2_256/CURVE_25519", "CHACHA20_POLY1305"),
        new Case("aes256-sha256-modp2048", "aes256-sha256",
            "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048",
            "AES_CBC-256/HMAC_SHA2_256_128"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proposals")
  void bothSidesAgreeOnTheProposal(Case c) {
    client = StrongSwanClient.start(lab,
        ClientConfig.eapMschapv2(PKI).ikeProposals(c.ike()).espProposals(c.esp()).build());
    Handshake h = client.initiate("lan");
    Measurements.record("strongSwan 5.9.8 client handshake " + c, h.millis());

    IkeSa mine = client.listSas().get(0);
    IkeSa sa = gateway.awaitSa(s -> s.remoteVips().equals(mine.localVips()),
        Duration.ofSeconds(5)).orElseThrow();
    assertThat(sa.proposal()).isEqualTo(c.ikeListed());
    assertThat(mine.proposal()).isEqualTo(c.ikeListed());
    ChildSa child = sa.child("lan");
    assertThat(child.proposal()).isEqualTo(c.espListed());
    assertThat(mine.child("lan").proposal()).isEqualTo(c.espListed());
    assertThat(child.encap()).as("ESP in UDP (userspace ESP fakes NAT)").isTrue();
    assertThat(child.spiIn()).isEqualTo(mine.child("lan").spiOut());

    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).size(1200).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output()).isTrue();
  }
}
