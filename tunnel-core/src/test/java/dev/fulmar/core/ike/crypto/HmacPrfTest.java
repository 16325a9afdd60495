package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HmacPrfTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 4231 §4.2, test case 1: key. */
  private static final String TC1_KEY_HEX = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";

  /** RFC 4231 §4.2, test case 1: data ("Hi There"). */
  private static final String TC1_DATA_HEX = "4869205468657265";

  /** RFC 4231 §4.2, test case 1: PRF-HMAC-SHA-256. */
  private static final String TC1_SHA256_HEX =
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";

  /** RFC 4231 §4.2, test case 1: PRF-HMAC-SHA-384. */
  private static final String TC1_SHA384_HEX =
      "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
          + "faea9ea9076ede7f4af152e8b2fa9cb6";

  /** RFC 4231 §4.2, test case 1: PRF-HMAC-SHA-512. */
  private static final String TC1_SHA512_HEX =
      "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
          + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854";

  /** RFC 4231 §4.3, test case 2: key "Jefe", data "what do ya want for nothing?". */
  private static final String TC2_SHA256_HEX =
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  /** RFC 4231 §4.3, test case 2: PRF-HMAC-SHA-384. */
  private static final String TC2_SHA384_HEX =
      "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
          + "8e2240ca5e69e2c78b3239ecfab21649";

  /** RFC 4231 §4.3, test case 2: PRF-HMAC-SHA-512. */
  private static final String TC2_SHA512_HEX =
      "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
          + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737";

  /** RFC 4231 §4.7, test case 6: 131-byte key 0xaa.., longer than the block. */
  private static final String TC6_DATA = "Test Using Larger Than Block-Size Key - Hash Key First";

  /** RFC 4231 §4.7, test case 6: PRF-HMAC-SHA-256. */
  private static final String TC6_SHA256_HEX =
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";

  /** RFC 4231 §4.7, test case 6: PRF-HMAC-SHA-384. */
  private static final String TC6_SHA384_HEX =
      "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
          + "0c2ef6ab4030fe8296248df163f44952";

  /** RFC 4231 §4.7, test case 6: PRF-HMAC-SHA-512. */
  private static final String TC6_SHA512_HEX =
      "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
          + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598";

  /**
   * prf+ with PRF_HMAC_SHA2_256, key 00..1f, seed a0..af, 100 bytes (three full blocks and a
   * partial fourth). No published vector exists; computed independently with python3:
   *
   * <pre>{@code
   * import hmac, hashlib
   * def prfplus(h, k, s, n):
   *     out, t, i = b"", b"", 1
   *     while len(out) < n:
   *         t = hmac.new(k, t + s + bytes([i]), h).digest(); out += t; i += 1
   *     return out[:n]
   * prfplus(hashlib.sha256, bytes(range(32)), bytes(range(0xa0, 0xb0)), 100).hex()
   * }</pre>
   */
  private static final String PRF_PLUS_SHA256_100_HEX =
      "1913658977a9444c4da4969db023d5f1a6ec8a124bc1413652b8425bb08dada1"
          + "9c3074a395843784d076bd33551934793fda17bee3251cf40207bb0a008a4815"
          + "8500adde62a08e2957906a27bc47fa96e94eb5415cbe0f64c499182788122ad2"
          + "e9ec9464";

  @Test
  void matchesRfc4231TestCase1() throws Exception {
    byte[] key = HEX.parseHex(TC1_KEY_HEX);
    byte[] data = HEX.parseHex(TC1_DATA_HEX);
    assertThat(Prfs.of(5).apply(key, data)).asHexString().isEqualToIgnoringCase(TC1_SHA256_HEX);
    assertThat(Prfs.of(6).apply(key, data)).asHexString().isEqualToIgnoringCase(TC1_SHA384_HEX);
    assertThat(Prfs.of(7).apply(key, data)).asHexString().isEqualToIgnoringCase(TC1_SHA512_HEX);
  }

  @Test
  void matchesRfc4231TestCase2WithAShortKey() throws Exception {
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    assertThat(Prfs.of(5).apply(key, data)).asHexString().isEqualToIgnoringCase(TC2_SHA256_HEX);
    assertThat(Prfs.of(6).apply(key, data)).asHexString().isEqualToIgnoringCase(TC2_SHA384_HEX);
    assertThat(Prfs.of(7).apply(key, data)).asHexString().isEqualToIgnoringCase(TC2_SHA512_HEX);
  }

  @Test
  void matchesRfc4231TestCase6WithAKeyLongerThanTheBlock() throws Exception {
    byte[] key = new byte[131];
    java.util.Arrays.fill(key, (byte) 0xaa);
    byte[] data = TC6_DATA.getBytes(StandardCharsets.US_ASCII);
    assertThat(Prfs.of(5).apply(key, data)).asHexString().isEqualToIgnoringCase(TC6_SHA256_HEX);
    assertThat(Prfs.of(6).apply(key, data)).asHexString().isEqualToIgnoringCase(TC6_SHA384_HEX);
    assertThat(Prfs.of(7).apply(key, data)).asHexString().isEqualToIgnoringCase(TC6_SHA512_HEX);
  }

  @Test
  void reportsLengthsOfRfc4868() throws Exception {
    for (int[] row : new int[][] {{5, 32}, {6, 48}, {7, 64}}) {
      Prf prf = Prfs.of(row[0]);
      assertThat(prf.transformId()).isEqualTo(row[0]);
      assertThat(prf.outputLength()).isEqualTo(row[1]);
      assertThat(prf.keyLength()).isEqualTo(row[1]);
    }
  }

  @Test
  void expandsWithPrfPlusAsComputedByPython() throws Exception {
    byte[] key = new byte[32];
    byte[] seed = new byte[16];
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) i;
    }
    for (int i = 0; i < 16; i++) {
      seed[i] = (byte) (0xa0 + i);
    }
    assertThat(Prfs.of(5).expand(key, seed, 100))
        .asHexString()
        .isEqualToIgnoringCase(PRF_PLUS_SHA256_100_HEX);
    assertThat(Prfs.of(5).expand(key, seed, 32))
        .isEqualTo(HEX.parseHex(PRF_PLUS_SHA256_100_HEX.substring(0, 64)));
    assertThat(Prfs.of(5).expand(key, seed, 0)).isEmpty();
  }

  @Test
  void refusesMoreThan255BlocksOfPrfPlus() throws Exception {
    Prf prf = Prfs.of(7);
    assertThat(prf.expand(new byte[64], new byte[8], 255 * 64)).hasSize(255 * 64);
    assertThatThrownBy(() -> prf.expand(new byte[64], new byte[8], 255 * 64 + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 16320 bytes");
  }

  @Test
  void refusesAnEmptyKeyWithAClearMessage() throws Exception {
    assertThatThrownBy(() -> Prfs.of(5).apply(new byte[0], new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
  }

  @Test
  void givesTheSameResultsFromManyThreadsAtOnce() throws Exception {
    Prf prf = Prfs.of(6);
    byte[] expected = prf.expand(HEX.parseHex(TC1_KEY_HEX), HEX.parseHex(TC1_DATA_HEX), 500);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(
                () -> prf.expand(HEX.parseHex(TC1_KEY_HEX), HEX.parseHex(TC1_DATA_HEX), 500)));
      }
      for (Future<byte[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesWeakAndUnknownPrfs() {
    assertThatThrownBy(() -> Prfs.of(Algorithms.PRF_HMAC_MD5))
        .isInstanceOf(RefusedAlgorithmException.class)
        .hasMessageStartingWith("HMAC-MD5 (PRF_HMAC_MD5) is refused");
    assertThatThrownBy(() -> Prfs.of(Algorithms.PRF_HMAC_SHA1))
        .hasMessageContaining("PRF_HMAC_SHA1")
        .hasMessageContaining("RFC 8247");
    assertThatThrownBy(() -> Prfs.of(4242)).hasMessageContaining("PRF(4242) is refused");
  }
}
