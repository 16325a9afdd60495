package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Poly1305 on its own, with the RFC's stand-alone vectors and against {@link #reference}, a
 * direct BigInteger transcription of RFC 8439 §2.5.1 (with the AEAD's zero padding of a partial
 * last block), on the inputs that stress a limb implementation: the largest clamped {@code r},
 * all-ones {@code s}, long runs of 0xff blocks, and accumulators just below and above
 * 2^130 - 5 before the final reduction. {@link Poly1305#padded} pads a partial
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

  /**
   * With r = 1 the accumulator after two blocks is m1 + m2 + 2^129 (no reduction), so
   * m1 = 2^128 - 1 and m2 = 2^128 - 1 - j give h = 2^130 - 2 - j: for j = 0..5 that is p + 3
   * down to p - 2, the cases on either side of the final "subtract p if h ≥ p".
   */
  @Test
  void reducesAccumulatorsOnEitherSideOf2To130Minus5() {
    for (int j = 0; j <= 5; j++) {
      byte[] key = new byte[32];
      key[0] = 1;
      Arrays.fill(key, 16, 32, (byte) 0xff);
      byte[] m = new byte[32];
      Arrays.fill(m, (byte) 0xff);
      m[16] = (byte) (0xff - j);
      assertThat(mac(key, m)).as("j=%d", j).isEqualTo(reference(key, m));
    }
  }

  /**
   * r = 5 and the one block m = (2^131 - 3)/5 - 2^128 (sixteen 0x99 bytes) make (m + 2^128)·r =
   * 2^131 - 3, which the block step leaves partly reduced as h0 = 2^32 + 2, h1..h3 = 2^32 - 1,
   * h4 = 3 (value 2^130 + 2): the final carry must run from h0 into the top limb before the
   * "subtract p". Computed with python3: {@code A = (2**131 - 3) // 5; (A - 2**128)}.
   */
  @Test
  void carriesAPartlyReducedAccumulatorAllTheWayUp() {
    byte[] key = new byte[32];
    key[0] = 5;
    Arrays.fill(key, 16, 32, (byte) 0xff);
    byte[] m = HEX.parseHex("99999999999999999999999999999999");
    assertThat(mac(key, m)).isEqualTo(reference(key, m))
        .isEqualTo("06000000000000000000000000000000");
  }

  /**
   * The largest limb values: the largest clamped r (0x0ffffffc0ffffffc0ffffffc0fffffff), s all
   * ones, and up to 4 KiB of 0xff, so every product column is at its bound on every block.
   */
  @Test
  void handlesTheLargestRAndLongRunsOfOnes() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0xff);
    for (int len : new int[] {16, 32, 48, 160, 1392, 1400, 4096}) {
      byte[] m = new byte[len];
      Arrays.fill(m, (byte) 0xff);
      assertThat(mac(key, m)).as("len=%d", len).isEqualTo(reference(key, m));
    }
  }

  /** Every length from 0 to 200 bytes with r, s and the message at their largest and random. */
  @Test
  void agreesWithTheReferenceForEveryLengthUpTo200() {
    java.util.Random random = new java.util.Random(1305);
    for (int len = 0; len <= 200; len++) {
      byte[] key = new byte[32];
      byte[] m = new byte[len];
      random.nextBytes(key);
      random.nextBytes(m);
      assertThat(mac(key, m)).as("random len=%d", len).isEqualTo(reference(key, m));
      Arrays.fill(key, (byte) 0xff);
      Arrays.fill(m, (byte) 0xff);
      assertThat(mac(key, m)).as("ones len=%d", len).isEqualTo(reference(key, m));
    }
  }

  @Property(tries = 500)
  void agreesWithTheReference(@ForAll @Size(32) byte[] key, @ForAll @Size(max = 600) byte[] m) {
    assertThat(mac(key, m)).isEqualTo(reference(key, m));
  }

  @Test
  void macsTheTwoLengthsBlockLittleEndian() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0xa5);
    Poly1305 p = new Poly1305();
    p.init(key, 0);
    p.lengths(0x0102030405060708L, 0xfffffffffffffff0L);
    byte[] tag = new byte[16];
    p.finish(tag, 0);
    byte[] block = HEX.parseHex("0807060504030201f0ffffffffffffff");
    assertThat(HEX.formatHex(tag)).isEqualTo(reference(key, block));
  }

  /**
   * RFC 8439 §2.5.1 with BigInteger: for each 16-byte chunk (the last one zero-padded to 16),
   * h = (h + chunk + 2^128)·r mod 2^130 - 5; the tag is h + s mod 2^128, little-endian.
   */
  static String reference(byte[] key, byte[] message) {
    BigInteger p = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));
    BigInteger r = le(Arrays.copyOfRange(key, 0, 16))
        .and(new BigInteger("0ffffffc0ffffffc0ffffffc0fffffff", 16));
    BigInteger s = le(Arrays.copyOfRange(key, 16, 32));
    BigInteger h = BigInteger.ZERO;
    for (int i = 0; i < message.length; i += 16) {
      byte[] chunk = Arrays.copyOf(Arrays.copyOfRange(message, i,
          Math.min(i + 16, message.length)), 16);
      h = h.add(le(chunk)).add(BigInteger.ONE.shiftLeft(128)).multiply(r).mod(p);
    }
    byte[] be = h.add(s).toByteArray();
    byte[] tag = new byte[16];
    for (int i = 0; i < 16 && i < be.length; i++) {
      tag[i] = be[be.length - 1 - i];
    }
    return HEX.formatHex(tag);
  }

  private static BigInteger le(byte[] b) {
    byte[] be = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      be[i] = b[b.length - 1 - i];
    }
    return new BigInteger(1, be);
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
