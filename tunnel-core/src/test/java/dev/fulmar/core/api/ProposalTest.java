package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.ProposalStrings;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ProposalTest {

  @Test
  void readsAnAeadProposalWithAnAdditionalKeyExchange() throws Exception {
    IkeProposal p = ProposalStrings.ike("aes256gcm16-prfsha384-x25519-ke1_mlkem768");

    assertThat(p.encryption()).containsExactly(Algorithm.AES_GCM_16_256);
    assertThat(p.integrity()).isEmpty();
    assertThat(p.prf()).containsExactly(Algorithm.PRF_HMAC_SHA2_384);
    assertThat(p.keyExchange()).containsExactly(Algorithm.CURVE25519);
    assertThat(p.additionalKeyExchanges().get(0)).containsExactly(Algorithm.ML_KEM_768);
    assertThat(p.offersPostQuantum()).isTrue();
    assertThat(p).hasToString("aes256gcm16-prfsha384-curve25519-ke1_mlkem768");
  }

  @Test
  void derivesThePrfFromTheIntegrityAlgorithmLikeStrongSwan() throws Exception {
    IkeProposal p = ProposalStrings.ike("aes256-sha256-modp2048");

    assertThat(p.integrity()).containsExactly(Algorithm.HMAC_SHA2_256_128);
    assertThat(p.prf()).containsExactly(Algorithm.PRF_HMAC_SHA2_256);
    assertThat(p.offersPostQuantum()).isFalse();
  }

  @Test
  void readsIntegrityKeywordsInAnAeadProposalAsPrfs() throws Exception {
    IkeProposal p = ProposalStrings.ike("aes128gcm16-sha256-curve25519");

    assertThat(p.integrity()).isEmpty();
    assertThat(p.prf()).containsExactly(Algorithm.PRF_HMAC_SHA2_256);
  }

  @Test
  void refusesWeakAlgorithmsNamingEachOne() {
    assertThatThrownBy(() -> ProposalStrings.ike("3des-sha1-modp1024"))
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> {
              assertThat(e.failure().code()).isEqualTo(ErrorCode.WEAK_ALGORITHM);
              assertThat(e.failure().step()).isEqualTo(FailureStep.PREPARE);
              assertThat(e.failure().reason())
                  .isEqualTo(
                      "the profile asks for 3DES, HMAC-SHA1-96, MODP-1024, which Fulmar refuses"
                          + " as weak");
            });
  }

  @Test
  void refusesAWeakAlgorithmHiddenAmongStrongOnes() {
    assertThatThrownBy(() -> ProposalStrings.esp("aes256gcm16-aes128-md5"))
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> assertThat(e.failure().reason()).contains("HMAC-MD5-96"));
  }

  @Test
  void namesAnUnknownKeyword() {
    assertThatThrownBy(() -> ProposalStrings.ike("aes256-sha256-ecp999"))
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> {
              assertThat(e.failure().code()).isEqualTo(ErrorCode.INVALID_PARAMETERS);
              assertThat(e.failure().reason()).contains("\"ecp999\"");
            });
  }

  @Test
  void saysWhatAnIncompleteProposalLacks() {
    assertThatThrownBy(() -> ProposalStrings.ike("aes256gcm16-ecp384"))
        .hasMessageContaining("no PRF");
    assertThatThrownBy(() -> ProposalStrings.ike("aes256-ecp384"))
        .hasMessageContaining("integrity");
    assertThatThrownBy(() -> ProposalStrings.ike("aes256gcm16-prfsha256"))
        .hasMessageContaining("key exchange");
    assertThatThrownBy(() -> ProposalStrings.esp("aes256")).hasMessageContaining("integrity");
    assertThatThrownBy(() -> ProposalStrings.esp("aes256gcm16-sha256"))
        .hasMessageContaining("AEAD");
  }

  @Test
  void readsEspProposalsWithPfsAndEsn() throws Exception {
    EspProposal p = ProposalStrings.esp("aes256-sha256-ecp256-esn");

    assertThat(p.keyExchange()).containsExactly(Algorithm.ECP_256);
    assertThat(p.esn()).containsExactly(Algorithm.ESN);
    assertThat(p).hasToString("aes256-sha256-ecp256-esn");
    assertThat(ProposalStrings.esp("aes128gcm16").esn()).containsExactly(Algorithm.NO_ESN);
  }

  @Test
  void readsAnEspProposalWithAHybridPfsKeyExchange() throws Exception {
    EspProposal p = ProposalStrings.esp("aes256gcm16-x25519-ke1_mlkem768");

    assertThat(p.keyExchange()).containsExactly(Algorithm.CURVE25519);
    assertThat(p.additionalKeyExchanges()).containsExactly(List.of(Algorithm.ML_KEM_768));
    assertThat(p).hasToString("aes256gcm16-curve25519-ke1_mlkem768");
    assertThat(p.withoutKeyExchange()).hasToString("aes256gcm16");
  }

  @Test
  void defaultsAreModernAndParse() {
    List<IkeProposal> ike = IkeProposal.defaults();
    assertThat(ike.get(0).keyExchange().get(0)).isEqualTo(Algorithm.CURVE25519);
    assertThat(ike).allSatisfy(p -> assertThat(p.keyExchange()).noneMatch(Algorithm::isWeak));
    assertThat(EspProposal.defaults()).hasSize(2);
  }

  @Test
  void buildsAProposalFromIanaTransforms() throws Exception {
    IkeProposal p = IkeProposal.builder()
        .transform(1, 20, 256) // ENCR_AES_GCM_16, 256-bit key
        .transform(2, 6, 0) // PRF_HMAC_SHA2_384
        .transform(4, 31, 0) // Curve25519
        .transform(6, 36, 0) // ADDKE1: ML-KEM-768
        .transform(6, 0, 0) // ADDKE1: NONE, so it is optional
        .build();

    assertThat(p).hasToString("aes256gcm16-prfsha384-curve25519-ke1_mlkem768-ke1_none");
    EspProposal esp = EspProposal.builder().transform(1, 12, 128).transform(3, 12, 0)
        .transform(5, 1, 0).build();
    assertThat(esp).hasToString("aes128-sha256-esn");
  }

  @Test
  void refusesWeakIanaTransformsAtConstruction() {
    assertThatThrownBy(() -> EspProposal.builder().transform(1, 3, 0).transform(3, 2, 0).build())
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> {
              assertThat(e.failure().code()).isEqualTo(ErrorCode.WEAK_ALGORITHM);
              assertThat(e.failure().reason()).contains("3DES", "HMAC-SHA1-96");
            });
    assertThatThrownBy(() -> IkeProposal.builder().transform(1, 6, 128).transform(2, 5, 0)
            .transform(3, 12, 0).transform(4, 19, 0).build())
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> assertThat(e.failure().reason()).contains("ENCR_CAST"));
  }

  @Test
  void refusesTransformsTheEngineDoesNotImplementWithTheReason() {
    assertThatThrownBy(() -> EspProposal.builder().transform(1, 12, 192).transform(3, 12, 0)
            .build())
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> {
              assertThat(e.failure().code()).isEqualTo(ErrorCode.INVALID_PARAMETERS);
              assertThat(e.failure().reason()).contains("192-bit key");
            });
    assertThatThrownBy(() -> IkeProposal.builder().transform(1, 20, 256).transform(2, 6, 0)
            .transform(4, 0, 0).build())
        .hasMessageContaining("only allowed as an additional key exchange");
    assertThatThrownBy(() -> EspProposal.builder().transform(1, 20, 128).transform(6, 36, 0)
            .build())
        .hasMessageContaining("need a PFS key exchange");
    assertThatThrownBy(() -> EspProposal.builder().transform(1, 20, 128).transform(2, 5, 0)
            .build())
        .hasMessageContaining("IKE settings");
    assertThatThrownBy(() -> EspProposal.builder().transform(13, 1, 0).build())
        .hasMessageContaining("transform type 13");
  }

  @Test
  void printsANegotiatedChildSaInProposalSyntax() {
    ChildSaInfo child = new ChildSaInfo(1, 2, Algorithm.AES_CBC_256,
        Algorithm.HMAC_SHA2_256_128, Algorithm.ECP_256, true, List.of(), List.of());
    assertThat(child.algorithms()).isEqualTo("aes256-sha256-ecp256-esn");
  }

  @Property
  void arbitraryTextGivesAProposalOrATypedError(@ForAll String text) {
    try {
      ProposalStrings.ike(text);
    } catch (IkeSessionException expected) {
      assertThat(expected.failure().step()).isEqualTo(FailureStep.PREPARE);
    }
    try {
      ProposalStrings.esp(text);
    } catch (IkeSessionException expected) {
      assertThat(expected.failure().step()).isEqualTo(FailureStep.PREPARE);
    }
  }
}
