package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Poly1305 on its own, with the RFC's stand-alone vectors. {@link Poly1305#padded} pads a partial
 * last block with zeros as the AEAD does, so only vectors whose message is a whole number of
 * 16-byte blocks apply here; the others are covered through the AEAD in {@link
 * ChaChaPolyEspCipherTest}.
 */
class Poly1305Test {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * RFC 8439 Appendix A.3: test vectors #1 and #5 to #11 (key, message, tag). #5 to #11 are the
   * ones built to hit the carry and modular-reduction edge cases of limb implementations.
   */
  @ParameterizedTest(name = "RFC 8439 A.3 #{0}")
  @CsvSource({
      "1, 0000000000000000000000000000000000000000000000000000000000000000,"
          + " 00000000000000000000000000000000000000000000000000000000000000000000000000000000"
          + "000000000000000000000000000000000000000000000000, 00000000000000000000000000000000",
      "5, 0200000000000000000000000000000000000000000000000000000000000000,"
          + " ffffffffffffffffffffffffffffffff, 03000000000000000000000000000000",
      "6, 02000000000000000000000000000000ffffffffffffffffffffffffffffffff,"
          + " 02000000000000000000000000000000, 03000000000000000000000000000000",
      "7, 0100000000000000000000000000000000000000000000000000000000000000,"
          + " fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff"
          + "11000000000000000000000000000000, 05000000000000000000000000000000",
      "8, 0100000000000000000000000000000000000000000000000000000000000000,"
          + " fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe"
          + "01010101010101010101010101010101, 00000000000000000000000000000000",
      "9, 0200000000000000000000000000000000000000000000000000000000000000,"
          + " fdffffffffffffffffffffffffffffff, faffffffffffffffffffffffffffffff",
      "10, 0100000000000000040000000000000000000000000000000000000000000000,"
          + " e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
          + "0000000000000000000000000000000001000000000000000000000000000000,"
          + " 14000000000000005500000000000000",
      "11, 0100000000000000040000000000000000000000000000000000000000000000,"
          + " e33594d7505e43b900000000000000003394d7505e4379cd010000000000000000000000000000000"
          + "000000000000000, 13000000000000000000000000000000",
  })
  void computesTheAppendixA3Tags(int vector, String keyHex, String messageHex, String tagHex) {
    assertThat(mac(HEX.parseHex(keyHex), HEX.parseHex(messageHex))).isEqualTo(tagHex);
  }

  private static String mac(byte[] key, byte[] message) {
    Poly1305 p = new Poly1305();
    p.init(key, 0);
    p.padded(message, 0, message.length);
    byte[] tag = new byte[16];
    p.finish(tag, 0);
    return HEX.formatHex(tag);
  }
}
