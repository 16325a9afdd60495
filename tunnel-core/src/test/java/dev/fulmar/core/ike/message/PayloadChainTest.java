package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payload chains: unknown payloads and the critical bit (RFC 7296 §2.5, §3.2), SK/SKF placement.
 */
class PayloadChainTest {

  private static final String HEADER_SK = "0011223344556677 8899aabbccddeeff 2e 20 23 08 00000001 ";

  /**
   * RFC 7296 §3.2: a private-use payload (128) without the critical bit, then N(INITIAL_CONTACT).
   */
  static final String UNKNOWN_THEN_NOTIFY_HEX = "29 00 0008 deadbeef 00 00 0008 00 00 4000";

  @Test
  void keepsUnknownNonCriticalPayloadsAndReencodesThem() throws Exception {
    List<Payload> chain =
        IkeMessage.decodeInnerPayloads(
            PayloadType.valueOf(128), Hex.bytes(UNKNOWN_THEN_NOTIFY_HEX));

    assertThat(chain)
        .containsExactly(
            new UnknownPayload(PayloadType.valueOf(128), Hex.bytes("deadbeef")),
            NotifyPayload.of(NotifyType.INITIAL_CONTACT));
    assertThat(Hex.hex(PayloadChain.encode(chain)))
        .isEqualTo(Hex.normalize(UNKNOWN_THEN_NOTIFY_HEX));
  }

  @Test
  void rejectsUnknownCriticalPayload() {
    String critical = UNKNOWN_THEN_NOTIFY_HEX.replaceFirst("29 00", "29 80");
    assertThatThrownBy(
            () -> IkeMessage.decodeInnerPayloads(PayloadType.valueOf(128), Hex.bytes(critical)))
        .isInstanceOfSatisfying(
            UnsupportedCriticalPayloadException.class,
            e -> {
              assertThat(e.payloadType()).isEqualTo(PayloadType.valueOf(128));
              assertThat(e.toNotifyPayload().data()).containsExactly(0x80);
            });
  }

  @Test
  void rejectsCriticalPayloadOfARegisteredTypeWeDoNotProcess() {
    // GSPM (49, RFC 6467) with the critical bit.
    assertThatThrownBy(
            () -> IkeMessage.decodeInnerPayloads(PayloadType.GSPM, Hex.bytes("00 80 0005 01")))
        .isInstanceOfSatisfying(
            UnsupportedCriticalPayloadException.class,
            e -> assertThat(e.payloadType()).isEqualTo(PayloadType.GSPM));
  }

  @Test
  void ignoresCriticalBitOnKnownPayloads() throws Exception {
    List<Payload> chain =
        IkeMessage.decodeInnerPayloads(PayloadType.NOTIFY, Hex.bytes("00 80 0008 00 00 4000"));
    assertThat(chain).containsExactly(NotifyPayload.of(NotifyType.INITIAL_CONTACT));
  }

  @Test
  void rejectsPayloadLengthBelowTheGenericHeader() {
    assertThatThrownBy(
            () -> IkeMessage.decodeInnerPayloads(PayloadType.NOTIFY, Hex.bytes("00 00 0003 00")))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("inner payloads at offset 4: Notify Payload Length 3 is below the minimum 4");
  }

  @Test
  void rejectsPayloadLengthBeyondTheBuffer() {
    assertThatThrownBy(
            () ->
                IkeMessage.decodeInnerPayloads(
                    PayloadType.NOTIFY, Hex.bytes("00 00 0010 00 00 4000")))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("inner payloads at offset 4: Notify payload needs 12 octets but only 4 remain");
  }

  @Test
  void rejectsOctetsAfterTheLastPayload() {
    assertThatThrownBy(
            () ->
                IkeMessage.decodeInnerPayloads(
                    PayloadType.NOTIFY, Hex.bytes("00 00 0008 00 00 4000 ff")))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("inner payloads at offset 8: 1 octets after the last payload");
  }

  @Test
  void rejectsTooManyPayloads() {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Limits.MAX_PAYLOADS + 1; i++) {
      hex.append("29 00 0008 00 00 4000");
    }
    assertThatThrownBy(
            () -> IkeMessage.decodeInnerPayloads(PayloadType.NOTIFY, Hex.bytes(hex.toString())))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("more than 128 payloads");
  }

  @Test
  void rejectsEncryptedPayloadInsideEncryptedPayload() {
    assertThatThrownBy(
            () -> IkeMessage.decodeInnerPayloads(PayloadType.SK, Hex.bytes("00 00 0008 00000000")))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("SK payload inside an Encrypted payload");
  }

  @Test
  void wireViewKeepsSkOpaqueWithItsFirstInnerType() throws Exception {
    byte[] datagram = Hex.bytes(HEADER_SK + "00000028 23 00 000c" + Hex.counting(0, 8));
    IkeMessage m = IkeMessage.decode(datagram);

    assertThat(m.payloads())
        .containsExactly(new EncryptedPayload(PayloadType.IDI, Hex.bytes(Hex.counting(0, 8))));
    assertThat(m.encode()).isEqualTo(datagram);
  }

  @Test
  void rejectsOctetsAfterTheEncryptedPayload() {
    byte[] datagram = Hex.bytes(HEADER_SK + "00000028 23 00 0008" + Hex.counting(0, 8));
    assertThatThrownBy(() -> IkeMessage.decode(datagram))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("IKE message at offset 36: 4 octets after the SK payload, which must be last");
  }

  @Test
  void wireViewDecodesFragmentNumbers() throws Exception {
    byte[] datagram =
        Hex.bytes(
            "0011223344556677 8899aabbccddeeff 35 20 23 08 00000001 00000028"
                + "00 00 000c 0002 0003 aabbccdd");
    EncryptedFragmentPayload skf =
        (EncryptedFragmentPayload) IkeMessage.decode(datagram).payloads().get(0);
    assertThat(skf.fragmentNumber()).isEqualTo(2);
    assertThat(skf.totalFragments()).isEqualTo(3);
    assertThat(skf.firstInnerType()).isEqualTo(PayloadType.NONE);
  }

  @Test
  void rejectsFragmentNumberAboveTotal() {
    byte[] datagram =
        Hex.bytes(
            "0011223344556677 8899aabbccddeeff 35 20 23 08 00000001 00000028"
                + "00 00 000c 0004 0003 aabbccdd");
    assertThatThrownBy(() -> IkeMessage.decode(datagram))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage(
            "SKF payload at offset 36: fragment number 4 of 3: both must be non-zero, "
                + "number <= total");
  }
}
