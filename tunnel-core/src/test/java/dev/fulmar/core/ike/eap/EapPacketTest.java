package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EapPacketTest {

  private static final HexFormat HEX = HexFormat.of();
  /** EAP-Request/Identity, Id 0, no type data (RFC 3748 §5.1). */
  private static final String IDENTITY_REQUEST_HEX = "0100000501";
  /** EAP-Success, Id 9 (RFC 3748 §4.2). */
  private static final String SUCCESS_HEX = "03090004";
  /** EAP-Response/Nak, Id 3, desired type 26 (RFC 3748 §5.3.1). */
  private static final String NAK_HEX = "02030006031a";

  @Test
  void decodesAndEncodesRequestResponseSuccess() throws Exception {
    EapPacket req = EapPacket.decode(HEX.parseHex(IDENTITY_REQUEST_HEX));
    assertThat(req.code()).isEqualTo(EapPacket.REQUEST);
    assertThat(req.type()).isEqualTo(EapType.IDENTITY);
    assertThat(req.typeData()).isEmpty();
    assertThat(HEX.formatHex(req.encode())).isEqualTo(IDENTITY_REQUEST_HEX);

    EapPacket success = EapPacket.decode(HEX.parseHex(SUCCESS_HEX));
    assertThat(success.identifier()).isEqualTo(9);
    assertThat(success.type()).isNull();
    assertThat(HEX.formatHex(success.encode())).isEqualTo(SUCCESS_HEX);

    EapPacket nak = EapPacket.response(3, EapType.NAK, new byte[] {26});
    assertThat(HEX.formatHex(nak.encode())).isEqualTo(NAK_HEX);
    assertThat(EapPacket.decode(HEX.parseHex(NAK_HEX))).isEqualTo(nak);
    assertThat(nak.toString()).isEqualTo("EAP-Response(id=3, Nak, 1 bytes)");
  }

  @Test
  void ignoresPaddingAfterLength() throws Exception {
    EapPacket p = EapPacket.decode(HEX.parseHex(NAK_HEX + "0000"));
    assertThat(p.typeData()).containsExactly(26);
  }

  @Test
  void keepsUnknownTypes() throws Exception {
    EapPacket p = EapPacket.decode(HEX.parseHex("01010006c8ff"));
    assertThat(p.type().toString()).isEqualTo("unknown(200)");
  }

  @Test
  void rejectsTruncatedAndInconsistentPackets() {
    assertThatThrownBy(() -> EapPacket.decode(new byte[3]))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("shorter than the 4-byte");
    assertThatThrownBy(() -> EapPacket.decode(HEX.parseHex("01010009010203")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("Length 9 at offset 2");
    assertThatThrownBy(() -> EapPacket.decode(HEX.parseHex("01010004")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("no Type at offset 4");
    assertThatThrownBy(() -> EapPacket.decode(HEX.parseHex("07010004")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("unknown EAP Code 7");
    assertThatThrownBy(() -> EapPacket.decode(HEX.parseHex("01010003")))
        .isInstanceOf(EapFormatException.class);
  }

  /** At least 100k arbitrary inputs: a packet or a typed error, and a packet re-encodes. */
  @Property(tries = 100_000)
  void decodesArbitraryBytesToAPacketOrATypedError(@ForAll byte[] in) {
    try {
      EapPacket p = EapPacket.decode(in);
      byte[] again = p.encode();
      assertThat(EapPacket.decode(again)).isEqualTo(p);
    } catch (EapFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
