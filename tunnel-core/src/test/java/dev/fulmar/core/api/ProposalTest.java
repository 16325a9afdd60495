package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ProposalTest {

  @Test
  void readsAnAeadProposalWithAnAdditionalKeyExchange() throws Exception {
    IkeProposal p = IkeProposal.parse("aes256gcm16-prfsha384-x25519-ke1_mlkem768");

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
    IkeProposal p = IkeProposal.parse("aes256-sha256-modp2048");

    assertThat(p.integrity()).containsExactly(Algorithm.HMAC_SHA2_256_128);
    assertThat(p.prf()).containsExactly(Algorithm.PRF_HMAC_SHA2_256);
    assertThat(p.offersPostQuantum()).isFalse();
  }

  @Test
  void readsIntegrityKeywordsInAnAeadProposalAsPrfs() throws Exception {
    IkeProposal p = IkeProposal.parse("aes128gcm16-sha256-curve25519");

    assertThat(p.integrity()).isEmpty();
    assertThat(p.prf()).containsExactly(Algorithm.PRF_HMAC_SHA2_256);
  }

  @Test
  void refusesWeakAlgorithmsNamingEachOne() {
    assertThatThrownBy(() -> IkeProposal.parse("3des-sha1-modp1024"))
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
    assertThatThrownBy(() -> EspProposal.parse("aes256gcm16-aes128-md5"))
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> assertThat(e.failure().reason()).contains("HMAC-MD5-96"));
  }

  @Test
  void namesAnUnknownKeyword() {
    assertThatThrownBy(() -> IkeProposal.parse("aes256-sha256-ecp999"))
        .isInstanceOfSatisfying(
            IkeSessionException.class,
            e -> {
              assertThat(e.failure().code()).isEqualTo(ErrorCode.INVALID_PARAMETERS);
              assertThat(e.failure().reason()).contains("\"ecp999\"");
            });
  }

  @Test
  void saysWhatAnIncompleteProposalLacks() {
    assertThatThrownBy(() -> IkeProposal.parse("aes256gcm16-ecp384"))
        .hasMessageContaining("no PRF");
    assertThatThrownBy(() -> IkeProposal.parse("aes256-ecp384")).hasMessageContaining("integrity");
    assertThatThrownBy(() -> IkeProposal.parse("aes256gcm16-prfsha256"))
        .hasMessageContaining("key exchange");
    assertThatThrownBy(() -> EspProposal.parse("aes256")).hasMessageContaining("integrity");
    assertThatThrownBy(() -> EspProposal.parse("aes256gcm16-sha256"))
        .hasMessageContaining("AEAD");
  }

  @Test
  void readsEspProposalsWithPfsAndEsn() throws Exception {
    EspProposal p = EspProposal.parse("aes256-sha256-ecp256-esn");

    assertThat(p.keyExchange()).containsExactly(Algorithm.ECP_256);
    assertThat(p.esn()).containsExactly(Algorithm.ESN);
    assertThat(p).hasToString("aes256-sha256-ecp256-esn");
    assertThat(EspProposal.parse("aes128gcm16").esn()).containsExactly(Algorithm.NO_ESN);
  }

  @Test
  void defaultsAreModernAndParse() {
    List<IkeProposal> ike = IkeProposal.defaults();
    assertThat(ike.get(0).keyExchange().get(0)).isEqualTo(Algorithm.CURVE25519);
    assertThat(ike).allSatisfy(p -> assertThat(p.keyExchange()).noneMatch(Algorithm::isWeak));
    assertThat(EspProposal.defaults()).hasSize(2);
  }

  @Property
  void arbitraryTextGivesAProposalOrATypedError(@ForAll String text) {
    try {
      IkeProposal.parse(text);
    } catch (IkeSessionException expected) {
      assertThat(expected.failure().step()).isEqualTo(FailureStep.PREPARE);
    }
    try {
      EspProposal.parse(text);
    } catch (IkeSessionException expected) {
      assertThat(expected.failure().step()).isEqualTo(FailureStep.PREPARE);
    }
  }
}
