package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.crypto.MlKemKeyExchange.ParameterSet;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

class MlKemKeyExchangeTest {

  /**
   * The accumulated ML-KEM-768 vectors of C2SP CCTV (c2sp.org/CCTV/ML-KEM), in the form the Go
   * standard library's crypto/mlkem test {@code TestAccumulated} runs them with {@code -short}:
   * inputs drawn from SHAKE-128 of the empty string, in order seed {@code d | z} (64 bytes),
   * message {@code m} (32), random ciphertext (1088); outputs absorbed into a second SHAKE-128 in
   * order {@code ek}, {@code ct}, {@code k}, and the implicit-rejection {@code k} of the random
   * ciphertext; the first 32 bytes squeezed after 100 iterations.
   */
  private static final String ACCUMULATED_768_100_HEX =
      "1114b1b6699ed191734fa339376afa7e285c9e6acf6ff0177d346696ce564415";

  @Test
  void matchesTheAccumulatedFips203VectorsForMlKem768() throws Exception {
    ParameterSet set = ParameterSet.ML_KEM_768;
    SHAKEDigest source = new SHAKEDigest(128);
    SHAKEDigest sink = new SHAKEDigest(128);
    for (int i = 0; i < 100; i++) {
      byte[] seed = squeeze(source, 64);
      KeyExchange initiator = MlKemKeyExchange.fromSeed(set, seed);
      byte[] ek = initiator.publicValue();
      absorb(sink, ek);
      KeyExchangeResponse response = MlKemKeyExchange.respond(set, ek, squeeze(source, 32));
      absorb(sink, response.publicValue());
      absorb(sink, response.sharedSecret());
      assertThat(initiator.computeSharedSecret(response.publicValue()))
          .isEqualTo(response.sharedSecret());
      byte[] randomCiphertext = squeeze(source, set.ciphertextLength);
      absorb(sink, MlKemKeyExchange.fromSeed(set, seed).computeSharedSecret(randomCiphertext));
    }
    byte[] digest = new byte[32];
    sink.doFinal(digest, 0, 32);
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(ACCUMULATED_768_100_HEX);
  }

  @Test
  void agreesWithAnInMemoryResponderWithFips203Lengths() throws Exception {
    int[][] lengths = {{35, 800, 768}, {36, 1184, 1088}, {37, 1568, 1568}};
    for (int[] row : lengths) {
      KeyExchange initiator = KeyExchanges.initiate(row[0], new SeededSecureRandom("i" + row[0]));
      KeyExchangeResponse responder =
          KeyExchanges.respond(
              row[0], initiator.publicValue(), new SeededSecureRandom("r" + row[0]));
      assertThat(initiator.publicValue()).hasSize(row[1]);
      assertThat(responder.publicValue()).hasSize(row[2]);
      assertThat(KeyExchanges.initiatorValueLength(row[0])).isEqualTo(row[1]);
      assertThat(KeyExchanges.responderValueLength(row[0])).isEqualTo(row[2]);
      assertThat(initiator.computeSharedSecret(responder.publicValue()))
          .hasSize(32)
          .isEqualTo(responder.sharedSecret());
    }
  }

  @Test
  void refusesAnEncapsulationKeyThatFailsTheModulusCheck() throws Exception {
    byte[] ek = KeyExchanges.initiate(36, new SeededSecureRandom("m")).publicValue();
    byte[] first = ek.clone();
    first[0] = 0x01; // coefficient 0 = 0xd01 = 3329 = q
    first[1] = (byte) ((first[1] & 0xf0) | 0x0d);
    assertThatThrownBy(() -> KeyExchanges.respond(36, first, new SeededSecureRandom("x")))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessage(
            "invalid ML_KEM_768 key exchange data: encapsulation key fails the FIPS 203"
                + " modulus check (coefficient 0 is not below 3329)");
    byte[] last = ek.clone();
    int end = 384 * 3;
    last[end - 1] = (byte) 0xff; // coefficient 767 = 0xff? >= 0xff0
    assertThatThrownBy(() -> KeyExchanges.respond(36, last, new SeededSecureRandom("x")))
        .hasMessageContaining("coefficient 767 is not below 3329");
    // The 32-byte seed rho after the coefficients is not checked: any value is valid.
    byte[] rho = ek.clone();
    java.util.Arrays.fill(rho, end, rho.length, (byte) 0xff);
    assertThat(KeyExchanges.respond(36, rho, new SeededSecureRandom("x")).publicValue())
        .hasSize(1088);
  }

  @Test
  void acceptsTheLargestReducedCoefficient() {
    byte[] ek = new byte[800];
    ek[0] = 0x00; // coefficient 0 = 0xd00 = 3328 = q - 1
    ek[1] = 0x0d;
    assertThat(MlKemKeyExchange.firstUnreducedCoefficient(ek, 2)).isEqualTo(-1);
  }

  @Test
  void refusesEncapsulationKeysAndCiphertextsOfTheWrongLength() throws Exception {
    assertThatThrownBy(() -> KeyExchanges.respond(37, new byte[1184], new SeededSecureRandom("")))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessageContaining("expected a 1568-byte encapsulation key, got 1184");
    KeyExchange initiator = KeyExchanges.initiate(35, new SeededSecureRandom("c"));
    assertThatThrownBy(() -> initiator.computeSharedSecret(new byte[767]))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessage(
            "invalid ML_KEM_512 key exchange data: expected a 768-byte ciphertext, got 767");
    assertThat(initiator.isDestroyed()).isTrue();
  }

  @Test
  void destroysTheDecapsulationKeyAfterUse() throws Exception {
    KeyExchange initiator = KeyExchanges.initiate(36, new SeededSecureRandom("d"));
    KeyExchangeResponse responder =
        KeyExchanges.respond(36, initiator.publicValue(), new SeededSecureRandom("e"));
    initiator.computeSharedSecret(responder.publicValue());
    assertThat(initiator.isDestroyed()).isTrue();
    assertThatThrownBy(() -> initiator.computeSharedSecret(responder.publicValue()))
        .isInstanceOf(IllegalStateException.class);
    responder.destroy();
    assertThatThrownBy(responder::sharedSecret).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] squeeze(SHAKEDigest shake, int length) {
    byte[] out = new byte[length];
    shake.doOutput(out, 0, length);
    return out;
  }

  private static void absorb(SHAKEDigest shake, byte[] data) {
    shake.update(data, 0, data.length);
  }
}
