package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class X25519KeyExchangeTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 7748 §5.2, first X25519 vector: input scalar. */
  private static final String V1_SCALAR_HEX =
      "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4";

  /** RFC 7748 §5.2, first X25519 vector: input u-coordinate. */
  private static final String V1_U_HEX =
      "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c";

  /** RFC 7748 §5.2, first X25519 vector: output u-coordinate. */
  private static final String V1_OUT_HEX =
      "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552";

  /** RFC 7748 §5.2, second X25519 vector: input scalar. */
  private static final String V2_SCALAR_HEX =
      "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d";

  /** RFC 7748 §5.2, second vector: u-coordinate with its most significant bit set. */
  private static final String V2_U_HEX =
      "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493";

  /** RFC 7748 §5.2, second X25519 vector: output u-coordinate. */
  private static final String V2_OUT_HEX =
      "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957";

  /** RFC 7748 §6.1: Alice's private key. */
  private static final String ALICE_PRIVATE_HEX =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";

  /** RFC 7748 §6.1: Alice's public key. */
  private static final String ALICE_PUBLIC_HEX =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";

  /** RFC 7748 §6.1: Bob's private key. */
  private static final String BOB_PRIVATE_HEX =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";

  /** RFC 7748 §6.1: Bob's public key. */
  private static final String BOB_PUBLIC_HEX =
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

  /** RFC 7748 §6.1: the shared secret K. */
  private static final String SHARED_HEX =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  @Test
  void matchesRfc7748Section52Vectors() throws Exception {
    assertThat(
            X25519KeyExchange.fromPrivateKey(HEX.parseHex(V1_SCALAR_HEX))
                .computeSharedSecret(HEX.parseHex(V1_U_HEX)))
        .isEqualTo(HEX.parseHex(V1_OUT_HEX));
    assertThat(
            X25519KeyExchange.fromPrivateKey(HEX.parseHex(V2_SCALAR_HEX))
                .computeSharedSecret(HEX.parseHex(V2_U_HEX)))
        .isEqualTo(HEX.parseHex(V2_OUT_HEX));
  }

  @Test
  void matchesRfc7748Section61DiffieHellmanBothWays() throws Exception {
    KeyExchange alice = X25519KeyExchange.fromPrivateKey(HEX.parseHex(ALICE_PRIVATE_HEX));
    KeyExchange bob = X25519KeyExchange.fromPrivateKey(HEX.parseHex(BOB_PRIVATE_HEX));
    assertThat(alice.publicValue()).isEqualTo(HEX.parseHex(ALICE_PUBLIC_HEX));
    assertThat(bob.publicValue()).isEqualTo(HEX.parseHex(BOB_PUBLIC_HEX));
    assertThat(alice.computeSharedSecret(HEX.parseHex(BOB_PUBLIC_HEX)))
        .isEqualTo(HEX.parseHex(SHARED_HEX));
    assertThat(bob.computeSharedSecret(HEX.parseHex(ALICE_PUBLIC_HEX)))
        .isEqualTo(HEX.parseHex(SHARED_HEX));
  }

  @Test
  void agreesWithAnInMemoryResponder() throws Exception {
    KeyExchange initiator =
        KeyExchanges.initiate(Algorithms.CURVE_25519, new SeededSecureRandom("i"));
    KeyExchangeResponse responder =
        KeyExchanges.respond(
            Algorithms.CURVE_25519, initiator.publicValue(), new SeededSecureRandom("r"));
    assertThat(initiator.publicValue()).hasSize(32);
    assertThat(responder.publicValue()).hasSize(32);
    assertThat(initiator.computeSharedSecret(responder.publicValue()))
        .isEqualTo(responder.sharedSecret());
  }

  @Test
  void refusesSmallOrderPointsThatGiveAnAllZeroSecret() throws Exception {
    byte[] zero = new byte[32];
    byte[] one = new byte[32];
    one[0] = 1;
    for (byte[] point : new byte[][] {zero, one}) {
      KeyExchange ke = KeyExchanges.initiate(Algorithms.CURVE_25519, new SeededSecureRandom("z"));
      assertThatThrownBy(() -> ke.computeSharedSecret(point))
          .isInstanceOf(InvalidKeyExchangeException.class)
          .hasMessageStartingWith("invalid CURVE_25519 key exchange data");
    }
  }

  @Test
  void refusesValuesOfTheWrongLength() throws Exception {
    KeyExchange ke = KeyExchanges.initiate(Algorithms.CURVE_25519, new SeededSecureRandom("l"));
    assertThatThrownBy(() -> ke.computeSharedSecret(new byte[33]))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessageContaining("expected 32 bytes, got 33")
        .satisfies(e -> assertThat(((InvalidKeyExchangeException) e).notifyType()).isEqualTo(7));
  }

  @Test
  void canBeUsedOnlyOnceAndForgetsItsPrivateKey() throws Exception {
    KeyExchange ke = X25519KeyExchange.fromPrivateKey(HEX.parseHex(ALICE_PRIVATE_HEX));
    ke.computeSharedSecret(HEX.parseHex(BOB_PUBLIC_HEX));
    assertThat(ke.isDestroyed()).isTrue();
    assertThatThrownBy(() -> ke.computeSharedSecret(HEX.parseHex(BOB_PUBLIC_HEX)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isDeterministicWithAnInjectedRandom() throws Exception {
    assertThat(KeyExchanges.initiate(31, new SeededSecureRandom("same")).publicValue())
        .isEqualTo(KeyExchanges.initiate(31, new SeededSecureRandom("same")).publicValue());
  }
}
