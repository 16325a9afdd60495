package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** KE (RFC 7296 §3.4), Nonce (§3.9) and Notify (§3.10) payloads. */
class KeNonceNotifyPayloadTest {

  /** RFC 7296 §3.4: KE for ECP-256 (method 19) with a 64-octet public value 00..3f. */
  static final String KE_HEX = "00000048 0013 0000" + Hex.counting(0, 64);

  /** RFC 7296 §3.9: a 32-octet nonce 10..2f. */
  static final String NONCE_HEX = "00000024" + Hex.counting(0x10, 32);

  /** RFC 7296 §2.23, §3.10: N(NAT_DETECTION_SOURCE_IP) with a 20-octet SHA-1 hash a0..b3. */
  static final String NAT_SOURCE_HEX = "0000001c 00 00 4004" + Hex.counting(0xa0, 20);

  /** RFC 7296 §3.10: N(REKEY_SA) about the ESP SA with SPI c0010203, no data. */
  static final String REKEY_SA_HEX = "0000000c 03 04 4009 c0010203";

  /** RFC 7296 §3.10.1: N(INVALID_KE_PAYLOAD) naming MODP-2048 (14) as the accepted method. */
  static final String INVALID_KE_HEX = "0000000a 00 00 0011 000e";

  @Test
  void kePayloadRoundTrips() throws Exception {
    KePayload ke = new KePayload(KeyExchangeMethod.ECP_256, Hex.bytes(Hex.counting(0, 64)));
    assertThat(Codec.decodeOne(PayloadType.KE, KE_HEX)).isEqualTo(ke);
    assertThat(Codec.encodeOne(ke)).isEqualTo(Hex.normalize(KE_HEX));
    assertThat(ke).hasToString("KE(ECP_256, 64 octets)");
  }

  @Test
  void noncePayloadRoundTrips() throws Exception {
    NoncePayload nonce = new NoncePayload(Hex.bytes(Hex.counting(0x10, 32)));
    assertThat(Codec.decodeOne(PayloadType.NONCE, NONCE_HEX)).isEqualTo(nonce);
    assertThat(Codec.encodeOne(nonce)).isEqualTo(Hex.normalize(NONCE_HEX));
  }

  @Test
  void rejectsNonceShorterThan16Octets() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.NONCE, "00000013" + Hex.counting(0, 15)))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("Nonce payload at offset 4: nonce of 15 octets, must be 16 to 256");
  }

  @Test
  void rejectsNonceLongerThan256Octets() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.NONCE, "00000105" + Hex.counting(0, 257)))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("nonce of 257 octets");
    assertThatThrownBy(() -> new NoncePayload(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusNotifyRoundTrips() throws Exception {
    NotifyPayload n =
        NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, Hex.bytes(Hex.counting(0xa0, 20)));
    assertThat(Codec.decodeOne(PayloadType.NOTIFY, NAT_SOURCE_HEX)).isEqualTo(n);
    assertThat(Codec.encodeOne(n)).isEqualTo(Hex.normalize(NAT_SOURCE_HEX));
    assertThat(n.isError()).isFalse();
    assertThat(n.toString()).startsWith("N(NAT_DETECTION_SOURCE_IP, a0a1");
  }

  @Test
  void notifyAboutChildSaCarriesProtocolAndSpi() throws Exception {
    NotifyPayload n =
        NotifyPayload.forChildSa(NotifyType.REKEY_SA, ProtocolId.ESP, 0xc0010203, new byte[0]);
    NotifyPayload decoded = (NotifyPayload) Codec.decodeOne(PayloadType.NOTIFY, REKEY_SA_HEX);
    assertThat(decoded).isEqualTo(n);
    assertThat(decoded.protocol()).isEqualTo(ProtocolId.ESP);
    assertThat(Codec.encodeOne(n)).isEqualTo(Hex.normalize(REKEY_SA_HEX));
  }

  @Test
  void errorNotifyBecomesTypedException() throws Exception {
    NotifyPayload n = (NotifyPayload) Codec.decodeOne(PayloadType.NOTIFY, INVALID_KE_HEX);
    assertThat(n.isError()).isTrue();

    IkeProtocolException e = IkeProtocolException.fromNotify(n);

    assertThat(e).isInstanceOf(InvalidKePayloadException.class);
    assertThat(((InvalidKePayloadException) e).acceptedMethod())
        .isEqualTo(KeyExchangeMethod.MODP_2048);
    assertThat(Codec.encodeOne(e.toNotifyPayload())).isEqualTo(Hex.normalize(INVALID_KE_HEX));
  }

  @Test
  void rejectsNotifySpiLongerThanThePayload() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.NOTIFY, "0000000a 03 04 4009 c001"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("Notify payload at offset 8: REKEY_SA SPI needs 4 octets but only 2 remain");
  }

  @Test
  void protocolExceptionsRenderTheirNotify() {
    assertThat(new InvalidSyntaxException("x").toNotifyPayload())
        .isEqualTo(NotifyPayload.of(NotifyType.INVALID_SYNTAX));
    assertThat(
            new UnsupportedCriticalPayloadException(PayloadType.valueOf(0x80))
                .toNotifyPayload()
                .data())
        .containsExactly(0x80);
    assertThat(new InvalidMajorVersionException(3).toNotifyPayload())
        .isEqualTo(NotifyPayload.of(NotifyType.INVALID_MAJOR_VERSION));
    assertThatThrownBy(() -> new IkeProtocolException(NotifyType.COOKIE, new byte[0], "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
