package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The ESP ChaCha20-Poly1305 cipher: the RFC's AEAD vector, agreement with SunJCE's
 * ChaCha20-Poly1305 on random packets, and refusal of any modified byte. The ESP layer around it
 * (RFC 7634 Appendix A) is in {@link EspKnownAnswerTest}.
 */
class ChaChaPolyEspCipherTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final int ESP = 3;
  private static final int CT = ESP + EspSpec.HEADER_LENGTH + 8;

  /** RFC 8439 §2.8.2: the key 80:81:...:9f. */
  private static final String AEAD_KEY_HEX =
      "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";

  /**
   * RFC 8439 §2.8.2: nonce 07:00:00:00:40:41:42:43:44:45:46:47 and AAD
   * 50:51:52:53:c0:c1:c2:c3:c4:c5:c6:c7. In ESP terms (RFC 7634 §2, §2.1) that is the salt
   * 07000000 and the IV 4041424344454647, and the 12-byte AAD of an SA with extended sequence
   * numbers: SPI 50515253, seq-hi c0c1c2c3, seq-lo c4c5c6c7.
   */
  private static final String SALT_HEX = "07000000";

  private static final String IV_HEX = "4041424344454647";

  /** RFC 8439 §2.8.2: the ciphertext followed by the tag 1a:e1:0b:59:...:06:91. */
  private static final String AEAD_CIPHERTEXT_AND_TAG_HEX =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69"
      + "da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675"
      + "945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691";

  @Test
  void sealsTheAeadVectorOfRfc8439Section282() throws Exception {
    byte[] text = ChaCha20Test.SUNSCREEN.getBytes(StandardCharsets.US_ASCII);
    byte[] buf = packet(0x50515253, 0xc4c5c6c7, HEX.parseHex(IV_HEX), text);
    cipher(HEX.parseHex(AEAD_KEY_HEX + SALT_HEX)).seal(buf, ESP, CT, text.length, 0xc0c1c2c3,
        true);
    assertThat(HEX.formatHex(Arrays.copyOfRange(buf, CT, CT + text.length + 16)))
        .isEqualTo(AEAD_CIPHERTEXT_AND_TAG_HEX);

    assertThat(cipher(HEX.parseHex(AEAD_KEY_HEX + SALT_HEX)).open(buf, ESP, CT, text.length,
        0xc0c1c2c3, true)).isTrue();
    assertThat(Arrays.copyOfRange(buf, CT, CT + text.length)).isEqualTo(text);
  }

  /** Any packet: the same ciphertext and tag as SunJCE, and it opens back to the plaintext. */
  @Property(tries = 400)
  void agreesWithTheJdkAndRoundTrips(@ForAll @Size(36) byte[] keyMat,
      @ForAll int spi, @ForAll long seq, @ForAll boolean esn,
      @ForAll @Size(max = 700) byte[] text) throws Exception {
    assertAgreesWithTheJdkAndRoundTrips(keyMat, spi, seq, esn, text);
  }

  /**
   * Every length from 0 to 200 bytes and the lengths around the 16-byte Poly1305 and 64-byte
   * ChaCha20 block edges up to a full-size packet, with random and with all-ones key material
   * and plaintext (the largest clamped Poly1305 r and s, every message limb at its maximum).
   */
  @Test
  void agreesWithTheJdkForEveryLengthAroundTheBlockEdges() throws Exception {
    java.util.Random random = new java.util.Random(7634);
    java.util.List<Integer> lengths = new java.util.ArrayList<>();
    for (int len = 0; len <= 200; len++) {
      lengths.add(len);
    }
    for (int edge : new int[] {256, 512, 1024, 1392, 1408, 1472}) {
      for (int d = -1; d <= 1; d++) {
        lengths.add(edge + d);
      }
    }
    lengths.add(1400);
    for (int len : lengths) {
      byte[] keyMat = new byte[36];
      byte[] text = new byte[len];
      random.nextBytes(keyMat);
      random.nextBytes(text);
      assertAgreesWithTheJdkAndRoundTrips(keyMat, random.nextInt(), random.nextLong(),
          len % 2 == 0, text);
      Arrays.fill(keyMat, (byte) 0xff);
      Arrays.fill(text, (byte) 0xff);
      assertAgreesWithTheJdkAndRoundTrips(keyMat, -1, -1L, len % 2 == 1, text);
    }
  }

  private static void assertAgreesWithTheJdkAndRoundTrips(byte[] keyMat, int spi, long seq,
      boolean esn, byte[] text) throws Exception {
    byte[] iv = new byte[8];
    EspCipher.putLong(iv, 0, seq);
    byte[] buf = packet(spi, (int) seq, iv, text);
    int seqHi = esn ? (int) (seq >>> 32) : 0;
    cipher(keyMat).seal(buf, ESP, CT, text.length, seqHi, esn);

    Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
    byte[] nonce = new byte[12];
    System.arraycopy(keyMat, 32, nonce, 0, 4);
    System.arraycopy(iv, 0, nonce, 4, 8);
    jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyMat, 0, 32, "ChaCha20"),
        new IvParameterSpec(nonce));
    byte[] aad = new byte[12];
    jdk.updateAAD(aad, 0, EspCipher.fillAad(aad, buf, ESP, seqHi, esn));
    assertThat(Arrays.copyOfRange(buf, CT, CT + text.length + 16))
        .as("length %d", text.length).isEqualTo(jdk.doFinal(text));

    assertThat(cipher(keyMat).open(buf, ESP, CT, text.length, seqHi, esn)).isTrue();
    assertThat(Arrays.copyOfRange(buf, CT, CT + text.length)).isEqualTo(text);
  }

  /**
   * Flipping any bit of the SPI, sequence number, IV, ciphertext or tag makes open fail, and the
   * ciphertext is left as it was (nothing is decrypted before the tag verifies).
   */
  @Property(tries = 300)
  void refusesAnyModifiedByte(@ForAll @Size(36) byte[] keyMat,
      @ForAll @Size(min = 1, max = 200) byte[] text, @ForAll @IntRange(max = 10_000) int where,
      @ForAll @IntRange(max = 7) int bit) {
    byte[] buf = packet(0x1000, 7, new byte[] {0, 0, 0, 0, 0, 0, 0, 7}, text);
    cipher(keyMat).seal(buf, ESP, CT, text.length, 0, false);
    int end = CT + text.length + 16;
    int at = ESP + where % (end - ESP);
    buf[at] ^= (byte) (1 << bit);
    byte[] before = buf.clone();

    assertThat(cipher(keyMat).open(buf, ESP, CT, text.length, 0, false)).isFalse();
    assertThat(buf).isEqualTo(before);
  }

  @Test
  void refusesAPacketWhoseTagRunsPastTheBuffer() {
    byte[] buf = new byte[CT + 10];
    assertThat(cipher(new byte[36]).open(buf, ESP, CT, 5, 0, false)).isFalse();
  }

  @Test
  void aDestroyedCipherNeitherSealsNorOpens() {
    byte[] text = {1, 2, 3};
    byte[] keyMat = new byte[36];
    ChaChaPolyEspCipher c = cipher(keyMat);
    byte[] buf = packet(1, 1, new byte[8], text);
    c.seal(buf, ESP, CT, text.length, 0, false);
    c.destroy();

    assertThat(c.open(buf, ESP, CT, text.length, 0, false)).isFalse();
    assertThatThrownBy(() -> c.seal(buf, ESP, CT, text.length, 0, false))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesKeyMaterialOfTheWrongLength() {
    assertThatThrownBy(() -> new ChaChaPolyEspCipher(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("36 bytes");
  }

  private static ChaChaPolyEspCipher cipher(byte[] keyMat) {
    return new ChaChaPolyEspCipher(keyMat);
  }

  /** SPI, seq-lo and IV at {@link #ESP}, the plaintext at {@link #CT}, room for the tag. */
  private static byte[] packet(int spi, int seqLo, byte[] iv, byte[] text) {
    byte[] buf = new byte[CT + text.length + 16 + 5];
    EspCipher.putInt(buf, ESP, spi);
    EspCipher.putInt(buf, ESP + 4, seqLo);
    System.arraycopy(iv, 0, buf, ESP + EspSpec.HEADER_LENGTH, 8);
    System.arraycopy(text, 0, buf, CT, text.length);
    return buf;
  }
}
