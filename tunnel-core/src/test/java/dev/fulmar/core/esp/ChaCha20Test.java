package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChaCha20Test {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8439 §2.3.2 and §2.4.2: the key 00:01:02:...:1f. */
  private static final String KEY_HEX =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  /** RFC 8439 §2.3.2: nonce 00:00:00:09:00:00:00:4a:00:00:00:00, block count 1. */
  private static final String BLOCK_NONCE_HEX = "000000090000004a00000000";

  /** RFC 8439 §2.3.2: the serialized ChaCha20 block for that key, nonce and count. */
  private static final String BLOCK_HEX = "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9a"
      + "c3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e";

  /** RFC 8439 §2.4.2: nonce 00:00:00:00:00:00:00:4a:00:00:00:00, initial counter 1. */
  private static final String ENCRYPT_NONCE_HEX = "000000000000004a00000000";

  /** RFC 8439 §2.4.2: the plaintext (114 bytes, so the last block is partial). */
  static final String SUNSCREEN = "Ladies and Gentlemen of the class of '99: If I could offer you"
      + " only one tip for the future, sunscreen would be it.";

  /** RFC 8439 §2.4.2: the ciphertext. */
  private static final String SUNSCREEN_CIPHERTEXT_HEX =
      "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dab"
      + "cd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf8"
      + "06818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d";

  @Test
  void computesTheBlockOfRfc8439Section232() {
    ChaCha20 c = keyed(HEX.parseHex(KEY_HEX));
    byte[] nonce = HEX.parseHex(BLOCK_NONCE_HEX);
    byte[] zeros = new byte[64];
    c.xor(1, ChaCha20.nonceWord(nonce, 0, 0), ChaCha20.nonceWord(nonce, 0, 1),
        ChaCha20.nonceWord(nonce, 0, 2), zeros, 0, 64);
    assertThat(HEX.formatHex(zeros)).isEqualTo(BLOCK_HEX);
  }

  @Test
  void encryptsTheSunscreenTextOfRfc8439Section242() {
    byte[] text = SUNSCREEN.getBytes(StandardCharsets.US_ASCII);
    byte[] buf = new byte[text.length + 10];
    System.arraycopy(text, 0, buf, 5, text.length);
    xor(HEX.parseHex(KEY_HEX), HEX.parseHex(ENCRYPT_NONCE_HEX), 1, buf, 5, text.length);
    assertThat(HEX.formatHex(Arrays.copyOfRange(buf, 5, 5 + text.length)))
        .isEqualTo(SUNSCREEN_CIPHERTEXT_HEX);
    assertThat(buf[4]).isZero();
    assertThat(buf[5 + text.length]).isZero();
  }

  /** Any key, nonce, counter, length and offset: the same key stream as SunJCE's ChaCha20. */
  @Property(tries = 300)
  void agreesWithTheJdk(@ForAll @Size(32) byte[] key, @ForAll @Size(12) byte[] nonce,
      @ForAll @IntRange(min = 0, max = 1000) int counter,
      @ForAll @Size(max = 3000) byte[] data, @ForAll @IntRange(max = 7) int offset)
      throws Exception {
    byte[] buf = new byte[offset + data.length];
    System.arraycopy(data, 0, buf, offset, data.length);
    xor(key, nonce, counter, buf, offset, data.length);

    Cipher jdk = Cipher.getInstance("ChaCha20");
    jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"),
        new ChaCha20ParameterSpec(nonce, counter));
    byte[] expected = jdk.doFinal(data);
    assertThat(Arrays.copyOfRange(buf, offset, buf.length)).isEqualTo(expected);
  }

  @Test
  void wipeForgetsTheKey() {
    byte[] key = HEX.parseHex(KEY_HEX);
    ChaCha20 c = keyed(key);
    c.wipe();
    int[] afterWipe = c.block(1, 0, 0, 0).clone();
    assertThat(afterWipe).isEqualTo(keyed(new byte[32]).block(1, 0, 0, 0));
  }

  private static ChaCha20 keyed(byte[] key) {
    ChaCha20 c = new ChaCha20();
    c.setKey(key, 0);
    return c;
  }

  private static void xor(byte[] key, byte[] nonce, int counter, byte[] buf, int off, int len) {
    keyed(key).xor(counter, ChaCha20.nonceWord(nonce, 0, 0), ChaCha20.nonceWord(nonce, 0, 1),
        ChaCha20.nonceWord(nonce, 0, 2), buf, off, len);
  }
}
