package dev.fulmar.core.ike.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformAttribute;
import dev.fulmar.core.ike.message.TransformType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalsTest {
  private static final List<IkeProposal> OFFER = List.of(
      parse("aes256gcm16-prfsha384-x25519-ecp384-ke1_mlkem768-ke1_none"),
      parse("aes256-sha256-modp2048"));

  private static IkeProposal parse(String s) {
    return ProposalStrings.ikeOrFail(s);
  }

  private static Transform t(TransformType type, int id, int bits) {
    return new Transform(type, id, bits == 0 ? List.of() : List.of(TransformAttribute.keyLength(
        bits)));
  }

  private static SaPayload reply(int number, Transform... transforms) {
    return new SaPayload(List.of(Proposal.ike(number, List.of(transforms))));
  }

  @Test
  void readsTheGatewaysChoiceFromOurOffer() throws Exception {
    Proposals.IkeChoice c = Proposals.ikeChoice(reply(1, t(TransformType.ENCR, 20, 256),
        t(TransformType.PRF, 6, 0), t(TransformType.KE, 20, 0),
        t(TransformType.ADDKE1, 36, 0)), OFFER);

    assertThat(c.encryption()).isEqualTo(Algorithm.AES_GCM_16_256);
    assertThat(c.integrity()).isNull();
    assertThat(c.keyExchange()).isEqualTo(Algorithm.ECP_384);
    assertThat(c.additionalKeyExchanges()).containsExactly(Algorithm.ML_KEM_768);
  }

  @Test
  void treatsAnOmittedOptionalAdditionalKeyExchangeAsNone() throws Exception {
    Proposals.IkeChoice c = Proposals.ikeChoice(reply(1, t(TransformType.ENCR, 20, 256),
        t(TransformType.PRF, 6, 0), t(TransformType.KE, 31, 0)), OFFER);

    assertThat(c.additionalKeyExchanges()).isEmpty();
  }

  @Test
  void refusesAWeakAlgorithmTheGatewayChoseByName() {
    assertThatThrownBy(() -> Proposals.ikeChoice(reply(2, t(TransformType.ENCR, 12, 256),
        t(TransformType.PRF, 5, 0), t(TransformType.INTEG, 12, 0), t(TransformType.KE, 2, 0)),
        OFFER))
        .isInstanceOfSatisfying(TaskFailure.class, f -> {
          assertThat(f.failure().code()).isEqualTo(ErrorCode.WEAK_ALGORITHM);
          assertThat(f.failure().reason()).isEqualTo(
              "the gateway chose MODP-1024, which Fulmar refuses as weak");
        });
  }

  @Test
  void refusesAChoiceWeDidNotOffer() {
    assertThatThrownBy(() -> Proposals.ikeChoice(reply(2, t(TransformType.ENCR, 12, 128),
        t(TransformType.PRF, 5, 0), t(TransformType.INTEG, 12, 0), t(TransformType.KE, 14, 0)),
        OFFER))
        .isInstanceOfSatisfying(TaskFailure.class, f -> {
          assertThat(f.failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
          assertThat(f.failure().reason()).contains("ENCR_AES_CBC (128 bits)", "did not offer");
        });
  }

  @Test
  void refusesTwoProposalsOrAnUnknownNumber() {
    SaPayload two = new SaPayload(List.of(
        Proposal.ike(1, List.of(t(TransformType.ENCR, 20, 256))),
        Proposal.ike(2, List.of(t(TransformType.ENCR, 12, 256)))));
    assertThatThrownBy(() -> Proposals.ikeChoice(two, OFFER)).hasMessageContaining("2 proposals");
    assertThatThrownBy(() -> Proposals.ikeChoice(reply(9, t(TransformType.ENCR, 20, 256)), OFFER))
        .hasMessageContaining("proposal 9");
  }

  @Test
  void requiresIntegrityForANonAeadCipher() {
    assertThatThrownBy(() -> Proposals.ikeChoice(reply(2, t(TransformType.ENCR, 12, 256),
        t(TransformType.PRF, 5, 0), t(TransformType.KE, 14, 0)), OFFER))
        .hasMessageContaining("no integrity");
  }
}
