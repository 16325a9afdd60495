package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SkCipherTest {

  /** A 28-byte IKE header plus a 4-byte SK payload header, as the codec passes it. */
  private static final byte[] PREFIX = sequence(32, 0x40);

  static Stream<IkeSuite> suites() throws RefusedAlgorithmException {
    return Stream.of(
        IkeSuite.of(ENCR_AES_GCM_16, 128, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of()),
        IkeSuite.of(ENCR_AES_GCM_16, 256, PRF_HMAC_SHA2_384, AUTH_NONE, ECP_384, List.of()),
        IkeSuite.of(
            ENCR_CHACHA20_POLY1305, 0, PRF_HMAC_SHA2_256, AUTH_NONE, CURVE_25519, List.of()),
        IkeSuite.of(
            ENCR_AES_CBC, 128, PRF_HMAC_SHA2_256, AUTH_HMAC_SHA2_256_128, MODP_2048, List.of()),
        IkeSuite.of(
            ENCR_AES_CBC, 256, PRF_HMAC_SHA2_384, AUTH_HMAC_SHA2_384_192, ECP_256, List.of()),
        IkeSuite.of(
            ENCR_AES_CBC, 256, PRF_HMAC_SHA2_512, AUTH_HMAC_SHA2_512_256, ECP_521, List.of()));
  }

  @ParameterizedTest
  @MethodSource("suites")
  void roundTripsFromInitiatorToResponderAndBack(IkeSuite suite) throws Exception {
    IkeSaKeys keys = keys(suite);
    SkCiphers initiator = suite.ciphers(keys, Role.INITIATOR, new SeededSecureRandom("i"));
    SkCiphers responder = suite.ciphers(keys, Role.RESPONDER, new SeededSecureRandom("r"));
    for (int length : new int[] {0, 1, 14, 15, 16, 17, 31, 32, 33, 1000}) {
      byte[] plaintext = sequence(length, length);
      byte[] request = initiator.outbound().seal(PREFIX, plaintext);
      assertThat(request).hasSize(initiator.outbound().sealedLength(length));
      assertThat(responder.inbound().open(PREFIX, request)).isEqualTo(plaintext);
      byte[] response = responder.outbound().seal(PREFIX, plaintext);
      assertThat(initiator.inbound().open(PREFIX, response)).isEqualTo(plaintext);
    }
  }

  @ParameterizedTest
  @MethodSource("suites")
  void failsToOpenWhenAnyBitOfPrefixOrBodyIsFlipped(IkeSuite suite) throws Exception {
    IkeSaKeys keys = keys(suite);
    SkCipher sender = suite.ciphers(keys, Role.INITIATOR, new SeededSecureRandom("s")).outbound();
    SkCipher receiver = suite.ciphers(keys, Role.RESPONDER, new SeededSecureRandom("t")).inbound();
    byte[] body = sender.seal(PREFIX, sequence(20, 7));
    for (int bit = 0; bit < PREFIX.length * 8; bit++) {
      byte[] prefix = PREFIX.clone();
      prefix[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> receiver.open(prefix, body)).isInstanceOf(AEADBadTagException.class);
    }
    for (int bit = 0; bit < body.length * 8; bit++) {
      byte[] tampered = body.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> receiver.open(PREFIX, tampered))
          .isInstanceOf(AEADBadTagException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("suites")
  void doesNotOpenItsOwnOutboundMessages(IkeSuite suite) throws Exception {
    SkCiphers us = suite.ciphers(keys(suite), Role.INITIATOR, new SeededSecureRandom("o"));
    byte[] body = us.outbound().seal(PREFIX, sequence(40, 1));
    assertThatThrownBy(() -> us.inbound().open(PREFIX, body))
        .isInstanceOf(AEADBadTagException.class);
  }

  @ParameterizedTest
  @MethodSource("suites")
  void refusesBodiesTooShortForIvPadLengthAndIcv(IkeSuite suite) throws Exception {
    SkCipher inbound =
        suite.ciphers(keys(suite), Role.RESPONDER, new SeededSecureRandom("x")).inbound();
    for (int length = 0; length < inbound.minimumSealedLength(); length++) {
      byte[] body = new byte[length];
      assertThatThrownBy(() -> inbound.open(PREFIX, body))
          .isInstanceOf(IllegalBlockSizeException.class);
    }
  }

  @Test
  void padsCbcToWholeBlocksWithTheFewestBytes() throws Exception {
    SkCipher cbc = cbc(new SeededSecureRandom("p"));
    // IV 16 + padded payload + ICV 16 (HMAC-SHA2-256-128)
    assertThat(cbc.sealedLength(0)).isEqualTo(16 + 16 + 16);
    assertThat(cbc.sealedLength(15)).isEqualTo(16 + 16 + 16);
    assertThat(cbc.sealedLength(16)).isEqualTo(16 + 32 + 16);
    assertThat(cbc.sealedLength(31)).isEqualTo(16 + 32 + 16);
    assertThat(cbc.minimumSealedLength()).isEqualTo(48);
  }

  @Test
  void acceptsAnyValidCbcPaddingAPeerChooses() throws Exception {
    byte[] plaintext = sequence(10, 3);
    for (int padLength : new int[] {5, 21, 245}) {
      byte[] block = new byte[plaintext.length + padLength + 1];
      System.arraycopy(plaintext, 0, block, 0, plaintext.length);
      Arrays.fill(block, plaintext.length, block.length - 1, (byte) 0x5a);
      block[block.length - 1] = (byte) padLength;
      assertThat(cbc(new SeededSecureRandom("q")).open(PREFIX, peerCbcBody(block)))
          .isEqualTo(plaintext);
    }
  }

  @Test
  void refusesACbcPadLengthLargerThanThePayload() throws Exception {
    byte[] block = new byte[32];
    block[31] = 32; // 32 bytes of padding claimed, but only 31 precede the pad length
    assertThatThrownBy(() -> cbc(new SeededSecureRandom("b")).open(PREFIX, peerCbcBody(block)))
        .isInstanceOf(BadPaddingException.class)
        .hasMessageContaining("pad length 32 exceeds");
  }

  @Test
  void refusesCbcBodiesThatAreNotWholeBlocks() throws Exception {
    byte[] body = new byte[16 + 17 + 16];
    assertThatThrownBy(() -> cbc(new SeededSecureRandom("w")).open(PREFIX, body))
        .isInstanceOf(IllegalBlockSizeException.class)
        .hasMessageContaining("whole AES blocks");
  }

  @Test
  void takesCbcIvsFromTheInjectedRandom() throws Exception {
    byte[] a = cbc(new SeededSecureRandom("same")).seal(PREFIX, sequence(5, 0));
    byte[] b = cbc(new SeededSecureRandom("same")).seal(PREFIX, sequence(5, 0));
    byte[] c = cbc(new SeededSecureRandom("other")).seal(PREFIX, sequence(5, 0));
    assertThat(a).isEqualTo(b);
    assertThat(Arrays.copyOf(a, 16)).isNotEqualTo(Arrays.copyOf(c, 16));
  }

  @Test
  void countsAeadIvsSoTheyNeverRepeat() throws Exception {
    AeadSkCipher gcm = new AeadSkCipher(EncryptionSpec.AES_GCM_16, new byte[20], 0);
    for (long expected = 0; expected < 3; expected++) {
      byte[] body = gcm.seal(PREFIX, new byte[3]);
      assertThat(Arrays.copyOf(body, 8)).isEqualTo(longBytes(expected));
    }
  }

  @Test
  void refusesToSealOnceTheIvCounterWouldWrap() throws Exception {
    AeadSkCipher gcm = new AeadSkCipher(EncryptionSpec.AES_GCM_16, new byte[20], -1L);
    gcm.seal(PREFIX, new byte[1]); // IV ff..ff is the last one
    assertThatThrownBy(() -> gcm.seal(PREFIX, new byte[1]))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("rekeyed");
  }

  @Test
  void acceptsAeadPaddingAndRefusesAnOversizedPadLength() throws Exception {
    AeadSkCipher sender = new AeadSkCipher(EncryptionSpec.CHACHA20_POLY1305, new byte[36], 0);
    AeadSkCipher receiver = new AeadSkCipher(EncryptionSpec.CHACHA20_POLY1305, new byte[36], 0);
    byte[] padded = {1, 2, 3, 9, 9, 2};
    assertThat(receiver.open(PREFIX, sender.sealRaw(PREFIX, padded))).containsExactly(1, 2, 3);
    byte[] oversized = {1, 2, 3};
    assertThatThrownBy(() -> receiver.open(PREFIX, sender.sealRaw(PREFIX, oversized)))
        .isInstanceOf(BadPaddingException.class);
  }

  /** AES-128-CBC with HMAC-SHA2-256-128 under fixed keys (see {@link #peerCbcBody}). */
  private static SkCipher cbc(SeededSecureRandom random) throws GeneralSecurityException {
    return new CbcHmacSkCipher(new byte[16], IntegritySpec.HMAC_SHA2_256_128, new byte[32], random);
  }

  /** What a peer with other padding habits would send: encrypt-then-MAC of {@code block}. */
  private static byte[] peerCbcBody(byte[] block) throws GeneralSecurityException {
    byte[] iv = sequence(16, 0x99);
    Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new IvParameterSpec(iv));
    byte[] ciphertext = aes.doFinal(block);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    mac.update(PREFIX);
    mac.update(iv);
    mac.update(ciphertext);
    byte[] icv = Arrays.copyOf(mac.doFinal(), 16);
    byte[] body = new byte[16 + ciphertext.length + 16];
    System.arraycopy(iv, 0, body, 0, 16);
    System.arraycopy(ciphertext, 0, body, 16, ciphertext.length);
    System.arraycopy(icv, 0, body, 16 + ciphertext.length, 16);
    return body;
  }

  static IkeSaKeys keys(IkeSuite suite) {
    return KeyDerivation.ikeSaKeys(
        suite,
        sequence(32, 1),
        sequence(32, 2),
        sequence(32, 3),
        0x0102030405060708L,
        0x1112131415161718L);
  }

  static byte[] sequence(int length, int start) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (start + i);
    }
    return out;
  }

  private static byte[] longBytes(long value) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (value >>> (56 - 8 * i));
    }
    return out;
  }
}
