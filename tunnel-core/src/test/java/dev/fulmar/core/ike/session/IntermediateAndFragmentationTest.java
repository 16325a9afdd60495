package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.Pki;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.ResponderConfig;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntermediateAndFragmentationTest {
  private final ExchangeHarness h = new ExchangeHarness();

  private void offer(String proposal) throws Exception {
    h.gateway.ike = ResponderConfig.parseIke(proposal);
    h.params.ikeProposals(List.of(ProposalStrings.ike(proposal)));
  }

  @Test
  void addsMlKem768InIkeIntermediateAfterX25519() throws Exception {
    offer("aes256gcm16-prfsha384-x25519-ke1_mlkem768");
    h.connect();

    // IKE_SA_INIT { SAi1(KE=x25519, ADDKE1=mlkem768), KEi(x25519), Ni,
    //               N(INTERMEDIATE_EXCHANGE_SUPPORTED) } -->
    h.toGateway();
    // <-- IKE_SA_INIT { SAr1, KEr(x25519), Nr, N(INTERMEDIATE_EXCHANGE_SUPPORTED) }
    h.toClient();
    // IKE_INTERMEDIATE { KEi(1)(ML-KEM-768 encapsulation key, 1184 octets) } -->
    h.toGateway();
    IkeMessage intermediate = h.gatewayReceived().get(0);
    assertThat(intermediate.header().exchangeType()).isEqualTo(ExchangeType.IKE_INTERMEDIATE);
    assertThat(intermediate.header().messageId()).isEqualTo(1);
    assertThat(intermediate.first(KePayload.class).orElseThrow().data()).hasSize(1184);
    // <-- IKE_INTERMEDIATE { KEr(1)(ML-KEM ciphertext, 1088 octets) }
    h.toClient();
    // IKE_AUTH (message ID 2, new keys; AUTH covers IntAuth) ... established
    h.runAll();

    assertThat(h.info().keyExchanges()).containsExactly(Algorithm.CURVE25519,
        Algorithm.ML_KEM_768);
    assertThat(h.info().ikeAlgorithms())
        .isEqualTo("aes256gcm16-prfsha384-curve25519-ke1_mlkem768");
    assertThat(h.info().exchanges()).extracting(t -> t.exchange())
        .startsWith("IKE_SA_INIT", "IKE_INTERMEDIATE", "IKE_AUTH");
  }

  @Test
  void fragmentsMlKem1024BothWaysAfterEcp256() throws Exception {
    offer("aes256gcm16-prfsha384-ecp256-ke1_mlkem1024");
    h.connect();
    h.runAll();

    assertThat(h.info().keyExchanges()).containsExactly(Algorithm.ECP_256,
        Algorithm.ML_KEM_1024);
    assertThat(h.info().fragmentedMessagesSent()).isGreaterThanOrEqualTo(1);
    assertThat(h.info().fragmentedMessagesReceived()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void runsMlKem768AloneInIkeSaInit() throws Exception {
    offer("aes256gcm16-prfsha384-mlkem768");
    h.connect();
    h.runAll();

    assertThat(h.info().keyExchanges()).containsExactly(Algorithm.ML_KEM_768);
    assertThat(h.info().exchanges()).extracting(t -> t.exchange()).doesNotContain(
        "IKE_INTERMEDIATE");
    assertThat(IkeMessage.decode(h.sentByClient().get(0).data()).first(KePayload.class)
        .orElseThrow().data()).hasSize(1184);
  }

  @Test
  void skipsAnOptionalAdditionalKeyExchangeTheGatewayDoesNotWant() throws Exception {
    h.gateway.ike = ResponderConfig.parseIke("aes256gcm16-prfsha384-x25519");
    h.params.ikeProposals(List.of(ProposalStrings.ike(
        "aes256gcm16-prfsha384-x25519-ke1_mlkem768-ke1_none")));
    h.connect();
    h.runAll();

    assertThat(h.info().keyExchanges()).containsExactly(Algorithm.CURVE25519);
  }

  @Test
  void reassemblesTheGatewaysFragmentedIkeAuthWithA3072BitCertificate() throws Exception {
    h.gateway.gatewayChain = List.of(Pki.GATEWAY_3072.certificate());
    h.gateway.gatewayKey = Pki.GATEWAY_3072.privateKey();
    h.gateway.fragmentSize = 1280;
    h.connect();

    // IKE_SA_INIT ... -->  <-- ...  (both announce FRAGMENTATION_SUPPORTED)
    h.toGateway();
    h.toClient();
    // IKE_AUTH { IDi, CERTREQ, CP, SAi2, TSi, TSr } -->
    h.toGateway();
    // <-- IKE_AUTH { SKF(1/2) }, { SKF(2/2) }: IDr, CERT (3072-bit), AUTH, EAP
    int fragments = h.toClient();
    assertThat(fragments).isEqualTo(2);
    h.runAll();

    assertThat(h.info().fragmentedMessagesReceived()).isEqualTo(1);
    assertThat(h.info().remoteCertificateSubject()).contains("vpn.example.test");
  }

  @Test
  void fragmentsOurOwnBigIkeAuthRequest() throws Exception {
    h.gateway.clientAuth = ResponderConfig.ClientAuth.CERTIFICATE;
    h.params.auth(ExchangeHarness.certificate(Pki.CLIENT_RSA)).fragmentation(true, 576);
    h.connect();
    h.runAll();

    assertThat(h.info().fragmentedMessagesSent()).isEqualTo(1);
    long authDatagrams = h.sentByClient().stream().filter(d -> {
      try {
        return IkeHeader.peek(d.data()).exchangeType().equals(ExchangeType.IKE_AUTH);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).count();
    assertThat(authDatagrams).isGreaterThan(2);
    assertThat(h.sentByClient()).allSatisfy(d -> assertThat(d.data().length).isLessThanOrEqualTo(
        576 - 28));
  }

  @Test
  void sendsWholeMessagesWhenFragmentationIsOff() throws Exception {
    h.gateway.gatewayChain = List.of(Pki.GATEWAY_3072.certificate());
    h.gateway.gatewayKey = Pki.GATEWAY_3072.privateKey();
    h.params.fragmentation(false, 1280);
    h.connect();
    h.runAll();

    assertThat(h.info().fragmentation()).isFalse();
    assertThat(h.info().fragmentedMessagesReceived()).isZero();
  }
}
