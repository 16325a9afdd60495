package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of list-sa events; the fields are those strongSwan 6.1 sent in a lab run. */
class IkeSaTest {

  private static ViciMessage hybridSa() {
    ViciMessage child = ViciMessage.builder()
        .put("name", "lan").put("uniqueid", "1").put("reqid", "1").put("state", "INSTALLED")
        .put("mode", "TUNNEL").put("protocol", "ESP").put("encap", "yes")
        .put("spi-in", "6984a9af").put("spi-out", "f109ed7b")
        .put("encr-alg", "AES_GCM_16").put("encr-keysize", "256")
        .put("bytes-in", "252").put("packets-in", "3").put("bytes-out", "252")
        .put("packets-out", "3")
        .putList("local-ts", List.of("10.200.0.0/24"))
        .putList("remote-ts", List.of("10.201.0.1/32"))
        .build();
    return ViciMessage.builder()
        .put("uniqueid", "1").put("version", "2").put("state", "ESTABLISHED")
        .put("local-host", "192.0.2.1").put("local-port", "4500")
        .put("local-id", "vpn.fulmar.test")
        .put("remote-host", "192.0.2.10").put("remote-port", "4500")
        .put("remote-id", "192.0.2.10").put("remote-eap-id", "alice")
        .put("initiator-spi", "51675c81f3fea3e0").put("responder-spi", "fe890553a2330612")
        .put("nat-remote", "yes").put("nat-any", "yes")
        .put("encr-alg", "AES_GCM_16").put("encr-keysize", "256")
        .put("prf-alg", "PRF_HMAC_SHA2_384").put("dh-group", "CURVE_25519")
        .put("ake1", "ML_KEM_768")
        .putList("remote-vips", List.of("10.201.0.1"))
        .putSection("child-sas", ViciMessage.builder().putSection("lan-1", child).build())
        .build();
  }

  @Test
  void parsesAlgorithmsKeyExchangesAndVirtualIp() {
    IkeSa sa = IkeSa.parse("rw-eap", hybridSa());

    assertThat(sa.established()).isTrue();
    assertThat(sa.proposal())
        .isEqualTo("AES_GCM_16-256/PRF_HMAC_SHA2_384/CURVE_25519/KE1_ML_KEM_768");
    assertThat(sa.keyExchanges()).containsExactly("CURVE_25519", "ML_KEM_768");
    assertThat(sa.remoteVips()).containsExactly("10.201.0.1");
    assertThat(sa.localPort()).isEqualTo(4500);
    assertThat(sa.natRemote()).isTrue();
    assertThat(sa.natLocal()).isFalse();
    assertThat(sa.eapIdentity()).isEqualTo("alice");
  }

  @Test
  void parsesChildSaWithCountersAndSelectors() {
    ChildSa child = IkeSa.parse("rw-eap", hybridSa()).child("lan");

    assertThat(child.installed()).isTrue();
    assertThat(child.proposal()).isEqualTo("AES_GCM_16-256");
    assertThat(child.encap()).isTrue();
    assertThat(child.spiIn()).isEqualTo("6984a9af");
    assertThat(child.packetsIn()).isEqualTo(3);
    assertThat(child.bytesOut()).isEqualTo(252);
    assertThat(child.remoteTs()).containsExactly("10.201.0.1/32");
  }

  @Test
  void cbcProposalListsIntegrityAndMissingFieldsAreEmpty() {
    IkeSa sa = IkeSa.parse("x", ViciMessage.builder()
        .put("encr-alg", "AES_CBC").put("encr-keysize", "256")
        .put("integ-alg", "HMAC_SHA2_256_128").put("prf-alg", "PRF_HMAC_SHA2_256")
        .put("dh-group", "MODP_2048").put("local-port", "not a number").build());

    assertThat(sa.proposal())
        .isEqualTo("AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048");
    assertThat(sa.children()).isEmpty();
    assertThat(sa.localPort()).isZero();
    assertThat(sa.child("lan")).isNull();
    assertThat(sa.eapIdentity()).isNull();
  }
}
