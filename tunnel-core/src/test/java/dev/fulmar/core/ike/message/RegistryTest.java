package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RegistryTest {

  @Test
  void knownValuesAreTheConstantsAndPrintTheirIanaNames() {
    assertThat(NotifyType.valueOf(16430)).isSameAs(NotifyType.FRAGMENTATION_SUPPORTED);
    assertThat(NotifyType.FRAGMENTATION_SUPPORTED).hasToString("IKEV2_FRAGMENTATION_SUPPORTED");
    assertThat(NotifyType.valueOf(16438)).hasToString("INTERMEDIATE_EXCHANGE_SUPPORTED");
    assertThat(NotifyType.valueOf(16441)).hasToString("ADDITIONAL_KEY_EXCHANGE");
    assertThat(NotifyType.valueOf(47)).hasToString("STATE_NOT_FOUND");
    assertThat(ExchangeType.valueOf(43)).isSameAs(ExchangeType.IKE_INTERMEDIATE);
    assertThat(ExchangeType.valueOf(44)).hasToString("IKE_FOLLOWUP_KE");
    assertThat(PayloadType.valueOf(53)).hasToString("SKF");
    assertThat(EncryptionAlgorithm.valueOf(20)).hasToString("ENCR_AES_GCM_16");
    assertThat(EncryptionAlgorithm.valueOf(28)).hasToString("ENCR_CHACHA20_POLY1305");
    assertThat(EncryptionAlgorithm.valueOf(3)).hasToString("ENCR_3DES");
    assertThat(IntegrityAlgorithm.valueOf(12)).hasToString("AUTH_HMAC_SHA2_256_128");
    assertThat(PseudorandomFunction.valueOf(6)).hasToString("PRF_HMAC_SHA2_384");
    assertThat(KeyExchangeMethod.valueOf(31)).hasToString("CURVE_25519");
    assertThat(KeyExchangeMethod.valueOf(36)).hasToString("ML_KEM_768");
    assertThat(AuthMethod.valueOf(13)).hasToString("NULL");
    assertThat(AuthMethod.valueOf(14)).hasToString("DIGITAL_SIGNATURE");
    assertThat(ConfigAttributeType.valueOf(25)).hasToString("INTERNAL_DNS_DOMAIN");
    assertThat(ConfigAttributeType.valueOf(26)).hasToString("INTERNAL_DNSSEC_TA");
    assertThat(TsType.valueOf(8)).hasToString("TS_IPV6_ADDR_RANGE");
    assertThat(TransformAttributeType.valueOf(14)).hasToString("KEY_LENGTH");
  }

  @Test
  void transformIdsAreNamedAsTheCryptoTableNamesThem() {
    for (int id = 0; id < 256; id++) {
      sameName(EncryptionAlgorithm.valueOf(id), TransformKind.ENCRYPTION, id);
      sameName(PseudorandomFunction.valueOf(id), TransformKind.PRF, id);
      sameName(IntegrityAlgorithm.valueOf(id), TransformKind.INTEGRITY, id);
      sameName(KeyExchangeMethod.valueOf(id), TransformKind.KEY_EXCHANGE, id);
    }
  }

  private static void sameName(IanaValue v, TransformKind kind, int id) {
    assertThat(v.isKnown()).as(v.toString()).isEqualTo(Algorithms.isKnown(kind, id));
    if (v.isKnown()) {
      assertThat(v).hasToString(Algorithms.name(kind, id));
    }
  }

  @Test
  void unknownValuesAreKeptComparedByNumberAndPrintedAsUnknown() {
    NotifyType privateStatus = NotifyType.valueOf(40960);
    assertThat(privateStatus).hasToString("unknown(40960)");
    assertThat(privateStatus.isKnown()).isFalse();
    assertThat(privateStatus.value()).isEqualTo(40960);
    assertThat(privateStatus)
        .isEqualTo(NotifyType.valueOf(40960))
        .isNotEqualTo(NotifyType.valueOf(40961));
    assertThat(privateStatus.hashCode()).isEqualTo(NotifyType.valueOf(40960).hashCode());
    assertThat(PayloadType.valueOf(200)).isNotEqualTo(ExchangeType.valueOf(200));
  }

  @Test
  void notifyTypesBelow16384AreErrors() {
    assertThat(NotifyType.INVALID_SYNTAX.isError()).isTrue();
    assertThat(NotifyType.valueOf(16383).isError()).isTrue();
    assertThat(NotifyType.INITIAL_CONTACT.isError()).isFalse();
    assertThat(NotifyType.valueOf(65535).isError()).isFalse();
  }

  @Test
  void additionalKeyExchangeTypesAreSixToTwelve() {
    assertThat(TransformType.additionalKeyExchange(1)).isSameAs(TransformType.ADDKE1);
    assertThat(TransformType.additionalKeyExchange(7).value()).isEqualTo(12);
    assertThat(TransformType.ADDKE3.carriesKeyExchangeMethod()).isTrue();
    assertThat(TransformType.KE.carriesKeyExchangeMethod()).isTrue();
    assertThat(TransformType.ESN.carriesKeyExchangeMethod()).isFalse();
  }

  @Test
  void valueOfNeverFailsForAnyWireValue() {
    checkAll(PayloadType::valueOf, 0xff);
    checkAll(ExchangeType::valueOf, 0xff);
    checkAll(NotifyType::valueOf, 0xffff);
    checkAll(TransformType::valueOf, 0xff);
    checkAll(EncryptionAlgorithm::valueOf, 0xffff);
    checkAll(PseudorandomFunction::valueOf, 0xffff);
    checkAll(IntegrityAlgorithm::valueOf, 0xffff);
    checkAll(KeyExchangeMethod::valueOf, 0xffff);
    checkAll(ExtendedSequenceNumbers::valueOf, 0xffff);
    checkAll(TransformAttributeType::valueOf, 0x7fff);
    checkAll(ProtocolId::valueOf, 0xff);
    checkAll(IdType::valueOf, 0xff);
    checkAll(AuthMethod::valueOf, 0xff);
    checkAll(CertEncoding::valueOf, 0xff);
    checkAll(ConfigType::valueOf, 0xff);
    checkAll(ConfigAttributeType::valueOf, 0x7fff);
    checkAll(TsType::valueOf, 0xff);
  }

  private static void checkAll(IntFunction<? extends IanaValue> valueOf, int max) {
    for (int v = 0; v <= max; v++) {
      IanaValue value = valueOf.apply(v);
      assertThat(value.value()).isEqualTo(v);
      assertThat(value.toString()).isNotBlank();
    }
  }
}
