package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SA payload, proposals, transforms and attributes (RFC 7296 §3.3). */
class SaPayloadTest {

  /**
   * RFC 7296 §3.3: an IKE SA payload with two proposals (written from the §3.3.1, §3.3.2 and §3.3.5
   * formats): #1 AES-GCM-16/256, PRF-HMAC-SHA2-256, ECP-256; #2 AES-CBC/256, HMAC-SHA2-256-128,
   * PRF-HMAC-SHA2-256, MODP-2048.
   */
  static final String IKE_SA_HEX =
      "00000054"
          + "02000024 01010003"
          + "0300000c 01000014 800e0100"
          + "03000008 02000005"
          + "00000008 04000013"
          + "0000002c 02010004"
          + "0300000c 0100000c 800e0100"
          + "03000008 0300000c"
          + "03000008 02000005"
          + "00000008 0400000e";

  /** RFC 7296 §3.3.1: an ESP proposal with a 4-octet SPI, AES-GCM-16/128, ESN or no ESN. */
  static final String ESP_SA_HEX =
      "0000002c"
          + "00000028 01030403 c0010203"
          + "0300000c 01000014 800e0080"
          + "03000008 05000000"
          + "00000008 05000001";

  static SaPayload ikeSa() {
    return SaPayload.of(
        Proposal.ike(
            1,
            List.of(
                Transform.encryption(EncryptionAlgorithm.AES_GCM_16, 256),
                Transform.prf(PseudorandomFunction.HMAC_SHA2_256),
                Transform.keyExchange(KeyExchangeMethod.ECP_256))),
        Proposal.ike(
            2,
            List.of(
                Transform.encryption(EncryptionAlgorithm.AES_CBC, 256),
                Transform.integrity(IntegrityAlgorithm.HMAC_SHA2_256_128),
                Transform.prf(PseudorandomFunction.HMAC_SHA2_256),
                Transform.keyExchange(KeyExchangeMethod.MODP_2048))));
  }

  @Test
  void decodesIkeProposalsInOrder() throws Exception {
    SaPayload sa = (SaPayload) Codec.decodeOne(PayloadType.SA, IKE_SA_HEX);

    assertThat(sa).isEqualTo(ikeSa());
    Proposal first = sa.proposals().get(0);
    assertThat(first.protocol()).isEqualTo(ProtocolId.IKE);
    assertThat(first.spi()).isEmpty();
    Transform encr = first.transforms(TransformType.ENCR).get(0);
    assertThat(encr.idName()).isEqualTo("ENCR_AES_GCM_16");
    assertThat(encr.keyLength()).hasValue(256);
    assertThat(sa.proposals().get(1).transforms(TransformType.KE).get(0).idName())
        .isEqualTo("MODP_2048");
  }

  @Test
  void encodesIkeProposals() {
    assertThat(Codec.encodeOne(ikeSa())).isEqualTo(Hex.normalize(IKE_SA_HEX));
  }

  @Test
  void espProposalRoundTripsWithItsSpi() throws Exception {
    SaPayload expected =
        SaPayload.of(
            Proposal.esp(
                1,
                0xc0010203,
                List.of(
                    Transform.encryption(EncryptionAlgorithm.AES_GCM_16, 128),
                    Transform.esn(ExtendedSequenceNumbers.NO_ESN),
                    Transform.esn(ExtendedSequenceNumbers.ESN))));

    assertThat(Codec.decodeOne(PayloadType.SA, ESP_SA_HEX)).isEqualTo(expected);
    assertThat(Codec.encodeOne(expected)).isEqualTo(Hex.normalize(ESP_SA_HEX));
    assertThat(expected.proposals().get(0).spiValue()).isEqualTo(0xc0010203L);
  }

  @Test
  void additionalKeyExchangeTransformsCarryKeyExchangeMethods() {
    Transform addke = Transform.additionalKeyExchange(1, KeyExchangeMethod.ML_KEM_768);
    assertThat(addke.type()).isEqualTo(TransformType.ADDKE1);
    assertThat(addke).hasToString("ADDKE1:ML_KEM_768");
  }

  @Test
  void rejectsTransformCountThatDisagreesWithTheTransforms() {
    String wrongCount = IKE_SA_HEX.replace("02000024 01010003", "02000024 01010004");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.SA, wrongCount))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("proposal 1 says it has 4 transforms but carries 3");
  }

  @Test
  void rejectsLastSubstrucThatDisagreesWithWhatFollows() {
    String lastTooEarly = IKE_SA_HEX.replace("02000024 01010003", "00000024 01010003");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.SA, lastTooEarly))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("proposal 1 has Last Substruc 0 but more proposals follow");
  }

  @Test
  void rejectsProposalLongerThanThePayload() {
    String tooLong = IKE_SA_HEX.replace("0000002c 02010004", "000000ff 02010004");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.SA, tooLong))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageStartingWith("SA payload at offset 44: proposal 2 needs 251 octets but only");
  }

  @Test
  void rejectsTransformShorterThanItsFixedPart() {
    String shortTransform = IKE_SA_HEX.replaceFirst("03000008 02000005", "03000004 02000005");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.SA, shortTransform))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("transform 2 length 4 is below the minimum 8");
  }

  @Test
  void rejectsEmptySaPayload() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.SA, "00000004"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("no proposal");
  }

  @Test
  void keepsTlvAttributesOfUnknownTypes() throws Exception {
    // One transform with a TLV attribute of unassigned type 16385 carrying 3 octets.
    String hex = "0000001b 00000017 01010001 0000000f 01000014 4001 0003 aabbcc";
    SaPayload sa = (SaPayload) Codec.decodeOne(PayloadType.SA, hex);
    TransformAttribute attribute = sa.proposals().get(0).transforms().get(0).attributes().get(0);
    assertThat(attribute.tv()).isFalse();
    assertThat(attribute.type()).hasToString("unknown(16385)");
    assertThat(Codec.encodeOne(sa)).isEqualTo(Hex.normalize(hex));
  }
}
