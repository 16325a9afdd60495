package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The IKE header (RFC 7296 §3.1). */
class IkeHeaderTest {

  /**
   * RFC 7296 §3.1: an IKE_AUTH response header: SPIs, Next Payload SK, version 2.0, exchange 35,
   * flags R (0x20), message ID 1, length 80.
   */
  static final String IKE_AUTH_RESPONSE_HEADER_HEX =
      "0011223344556677 8899aabbccddeeff 2e 20 23 20 00000001 00000050";

  @Test
  void headerRoundTrips() throws Exception {
    IkeHeader h =
        new IkeHeader(
            0x0011223344556677L, 0x8899aabbccddeeffL, ExchangeType.IKE_AUTH, false, true, false, 1);
    ByteBuffer out = ByteBuffer.allocate(28);
    h.encode(out, PayloadType.SK, 80);

    assertThat(Hex.hex(out.array())).isEqualTo(Hex.normalize(IKE_AUTH_RESPONSE_HEADER_HEX));
    assertThat(IkeHeader.peek(Hex.bytes(IKE_AUTH_RESPONSE_HEADER_HEX))).isEqualTo(h);
  }

  @Test
  void messageIdIsUnsigned() throws Exception {
    byte[] header = Hex.bytes("0011223344556677 8899aabbccddeeff 2e 20 25 08 fffffffe 0000001c");
    assertThat(IkeHeader.peek(header).messageId()).isEqualTo(0xfffffffeL);
  }

  @Test
  void ignoresMinorVersionAndReservedFlags() throws Exception {
    byte[] header = Hex.bytes("0011223344556677 8899aabbccddeeff 2e 2f 25 c7 00000000 0000001c");
    IkeHeader h = IkeHeader.peek(header);
    assertThat(h.initiator()).isFalse();
    assertThat(h.response()).isFalse();
    assertThat(h.versionFlag()).isFalse();
  }

  @Test
  void rejectsOtherMajorVersions() {
    byte[] ikev1 = Hex.bytes("0011223344556677 0000000000000000 01 10 02 00 00000000 0000001c");
    assertThatThrownBy(() -> IkeHeader.peek(ikev1))
        .isInstanceOfSatisfying(
            InvalidMajorVersionException.class,
            e -> assertThat(e.receivedMajorVersion()).isEqualTo(1));
    byte[] ikev3 = Hex.bytes("0011223344556677 0000000000000000 21 30 22 08 00000000 0000001c");
    assertThatThrownBy(() -> IkeMessage.decode(ikev3))
        .isInstanceOf(InvalidMajorVersionException.class)
        .hasMessageContaining("major version 3");
  }

  @Test
  void rejectsTruncatedHeader() {
    assertThatThrownBy(() -> IkeHeader.peek(new byte[27]))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("IKE header at offset 0: 27 octets, shorter than the 28-octet header");
  }

  @Test
  void rejectsLengthFieldThatDisagreesWithTheDatagram() {
    byte[] m = Hex.bytes("0011223344556677 0000000000000000 00 20 22 08 00000000 0000001d");
    assertThatThrownBy(() -> IkeMessage.decode(m))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("IKE header: Length field says 29 octets, the datagram has 28");
  }

  @Test
  void responseHeaderMirrorsTheRequest() {
    IkeHeader request = IkeHeader.request(1, 2, ExchangeType.INFORMATIONAL, 7, true);
    IkeHeader response = IkeHeader.responseTo(request);
    assertThat(response.response()).isTrue();
    assertThat(response.initiator()).isFalse();
    assertThat(response.messageId()).isEqualTo(7);
    assertThat(response.exchangeType()).isEqualTo(ExchangeType.INFORMATIONAL);
  }
}
