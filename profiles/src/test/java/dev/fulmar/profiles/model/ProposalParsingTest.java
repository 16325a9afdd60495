package dev.fulmar.profiles.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalParsingTest {

  @Test
  void parsesAeadIkeProposalIntoIanaTransforms() throws Exception {
    IkeProposal p = IkeProposal.parse("aes256gcm16-prfsha384-ecp384");

    assertThat(p.encryption()).containsExactly(Encryption.AES256GCM16);
    assertThat(p.encryption().get(0).transformId()).isEqualTo(20);
    assertThat(p.encryption().get(0).keyLength()).isEqualTo(256);
    assertThat(p.prf().get(0).ianaName()).isEqualTo("PRF_HMAC_SHA2_384");
    assertThat(p.keyExchange().get(0).transformId()).isEqualTo(20);
    assertThat(p.integrity()).isEmpty();
  }

  @Test
  void parsesAdditionalKeyExchangesPerRfc9370() throws Exception {
    IkeProposal p = IkeProposal.parse("aes256gcm16-prfsha384-x25519-ke1_mlkem768-ke2_mlkem1024");

    assertThat(p.keyExchange()).containsExactly(KeyExchange.CURVE25519);
    assertThat(p.additionalKeyExchanges()).containsOnlyKeys(1, 2);
    assertThat(p.additionalKeyExchanges().get(1)).containsExactly(KeyExchange.MLKEM768);
    assertThat(KeyExchange.MLKEM768.transformId()).isEqualTo(36);
    assertThat(p.toString()).isEqualTo("aes256gcm16-prfsha384-x25519-ke1_mlkem768-ke2_mlkem1024");
  }

  @Test
  void derivesThePrfFromIntegrityAsStrongSwanDoes() throws Exception {
    IkeProposal p = IkeProposal.parse("aes256-sha256-modp2048");

    assertThat(p.prf()).containsExactly(Prf.PRFSHA256);
    assertThat(IkeProposal.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void acceptsStrongSwanAliases() throws Exception {
    assertThat(IkeProposal.parse("AES256GCM-PRFSHA256-curve25519").encryption())
        .containsExactly(Encryption.AES256GCM16);
    assertThat(IkeProposal.parse("aes-sha2_256-modp2048").encryption())
        .containsExactly(Encryption.AES128);
  }

  @Test
  void parsesEspWithPfsAndEsn() throws Exception {
    EspProposal p = EspProposal.parse("aes128-sha256-ecp256-esn");

    assertThat(p.encryption()).containsExactly(Encryption.AES128);
    assertThat(p.integrity()).containsExactly(Integrity.SHA256);
    assertThat(p.keyExchange()).containsExactly(KeyExchange.ECP256);
    assertThat(p.esn()).containsExactly(EspProposal.Esn.ESN);
  }

  @Test
  void locatesUnknownAlgorithms() {
    assertThatThrownBy(() -> IkeProposal.parse("aes256-sha256-modp2047"))
        .isInstanceOfSatisfying(
            ProposalSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("unknown algorithm 'modp2047'");
              assertThat(e.offset()).isEqualTo(14);
            });
    assertThatThrownBy(() -> EspProposal.parse("aes256gcm16-prfsha256"))
        .hasMessageContaining("ESP proposals do not take");
    assertThatThrownBy(() -> IkeProposal.parse("aes256--sha256"))
        .hasMessageContaining("empty algorithm name");
    assertThatThrownBy(() -> IkeProposal.parse("aes256gcm16-prfsha256-ke9_mlkem768"))
        .hasMessageContaining("ke1_ to ke7_");
    assertThatThrownBy(() -> IkeProposal.parse("sha256-ecp256"))
        .hasMessageContaining("no encryption");
  }

  @Test
  void weakAlgorithmsParseSoThatTheyCanBeNamedWhenRefused() throws Exception {
    List<Algorithm> all = IkeProposal.parse("3des-md5-modp1024").algorithms();
    assertThat(all).extracting(Algorithm::status).containsOnly(Algorithm.Status.WEAK);
  }

  @Test
  void defaultsParseAndOfferWindowsCompatibleSuites() {
    List<IkeProposal> ike = Proposals.DEFAULTS.effectiveIke();
    assertThat(ike).anySatisfy(p -> assertThat(p.encryption()).contains(Encryption.AES256));
    assertThat(ike)
        .anySatisfy(
            p -> assertThat(p.keyExchange()).contains(KeyExchange.MODP2048, KeyExchange.ECP384));
    assertThat(ike.get(0).encryption().get(0)).isEqualTo(Encryption.AES256GCM16);
    assertThat(Proposals.DEFAULTS.effectiveEsp())
        .anySatisfy(p -> assertThat(p.integrity()).contains(Integrity.SHA256));
  }
}
