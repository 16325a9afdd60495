package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IntAuth octets of IKE_INTERMEDIATE messages (RFC 9242 §3.3.2). */
class IntAuthTest {

  private static final IkeHeader INTERMEDIATE =
      IkeHeader.request(
          0x0011223344556677L, 0x8899aabbccddeeffL, ExchangeType.IKE_INTERMEDIATE, 1, true);

  /** An IKE_INTERMEDIATE request carrying KE(ML_KEM_768) with 4 octets of (dummy) data. */
  private static final IkeMessage SMALL =
      IkeMessage.protectedMessage(
          INTERMEDIATE,
          List.of(new KePayload(KeyExchangeMethod.ML_KEM_768, Hex.bytes("01020304"))));

  /**
   * RFC 9242 §3.3.2: {@code IntAuth_i1A | IntAuth_i1P} of {@link #SMALL}: the header with Next
   * Payload SK and Length 28 + 4 + 12 = 44 (no IV, padding or ICV), the SK generic header with Next
   * Payload KE (0x22) and Payload Length 4 + 12 = 16, then the inner KE payload in clear.
   */
  static final String SMALL_INT_AUTH_HEX =
      "0011223344556677 8899aabbccddeeff 2e 20 2b 08 00000001 0000002c"
          + "| 22 00 0010"
          + "| 0000000c 0024 0000 01020304";

  @Test
  void intAuthOfASentMessageLeavesOutIvPaddingAndIcv() {
    assertThat(Hex.hex(SMALL.intAuthOctets())).isEqualTo(Hex.normalize(SMALL_INT_AUTH_HEX));
  }

  @Test
  void intAuthOfAReceivedMessageMatchesTheSender() throws Exception {
    byte[] datagram = SMALL.encode(new HmacXorSkCipher());
    IkeMessage received = IkeMessage.decodeProtected(datagram, new HmacXorSkCipher());
    assertThat(Hex.hex(received.intAuthOctets())).isEqualTo(Hex.normalize(SMALL_INT_AUTH_HEX));
  }

  @Test
  void intAuthSplitsIntoPartsAAndP() throws Exception {
    IkeMessage received =
        IkeMessage.decodeProtected(SMALL.encode(new HmacXorSkCipher()), new HmacXorSkCipher());
    String all = Hex.normalize(SMALL_INT_AUTH_HEX);
    for (IkeMessage m : List.of(SMALL, received)) {
      assertThat(Hex.hex(m.intAuthA())).isEqualTo(all.substring(0, 64));
      assertThat(Hex.hex(m.intAuthP())).isEqualTo(all.substring(64));
    }
  }

  @Test
  void intAuthOfAFragmentedMessageIsThatOfTheUnfragmentedMessage() throws Exception {
    IkeMessage big =
        IkeMessage.protectedMessage(
            INTERMEDIATE,
            List.of(
                new KePayload(KeyExchangeMethod.ML_KEM_1024, Hex.bytes(Hex.counting(0, 1568)))));
    List<byte[]> fragments = big.encodeFragments(new HmacXorSkCipher(), 576);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    Optional<IkeMessage> received = Optional.empty();
    for (byte[] f : fragments) {
      received = reassembler.add(f);
    }

    byte[] expected = big.intAuthOctets();
    assertThat(fragments).hasSizeGreaterThan(2);
    assertThat(received.orElseThrow().intAuthOctets()).isEqualTo(expected);
    assertThat(
            IkeMessage.decodeProtected(big.encode(new HmacXorSkCipher()), new HmacXorSkCipher())
                .intAuthOctets())
        .isEqualTo(expected);
    // The header says SK (46), not SKF (53), and the length of A | P.
    assertThat(expected[16]).isEqualTo((byte) 46);
    assertThat(Hex.hex(expected).substring(48, 56))
        .isEqualTo(String.format("%08x", expected.length));
  }

  @Test
  void intAuthPointsTheLastUnprotectedPayloadAtSk() throws Exception {
    IkeMessage m =
        IkeMessage.protectedMessage(
            INTERMEDIATE, List.of(new VendorIdPayload(Hex.bytes("0102"))), SMALL.payloads());
    String expected =
        "0011223344556677 8899aabbccddeeff 2b 20 2b 08 00000001 00000032"
            + "| 2e 00 0006 0102 | 22 00 0010 | 0000000c 0024 0000 01020304";

    assertThat(Hex.hex(m.intAuthOctets())).isEqualTo(Hex.normalize(expected));
    List<byte[]> fragments = m.encodeFragments(new HmacXorSkCipher(), 100);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    Optional<IkeMessage> received = Optional.empty();
    for (byte[] f : fragments) {
      received = reassembler.add(f);
    }
    assertThat(Hex.hex(received.orElseThrow().intAuthOctets())).isEqualTo(Hex.normalize(expected));
  }
}
