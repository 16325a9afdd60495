package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.crypto.EcpKeyExchange.Curve;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcpKeyExchangeTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 5903 §8.1 (256-bit random ECP group): i. */
  private static final String P256_I_HEX =
      "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433";

  /** RFC 5903 §8.1: g^i, the initiator's KE data (x | y). */
  private static final String P256_GI_HEX =
      "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
          + "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3";

  /** RFC 5903 §8.1: r. */
  private static final String P256_R_HEX =
      "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53";

  /** RFC 5903 §8.1: g^r, the responder's KE data (x | y). */
  private static final String P256_GR_HEX =
      "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
          + "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab";

  /** RFC 5903 §8.1: g^ir x-coordinate, the shared secret. */
  private static final String P256_GIR_X_HEX =
      "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de";

  /** RFC 5903 §8.2 (384-bit random ECP group): i. */
  private static final String P384_I_HEX =
      "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655"
          + "e35b538041e649ee3faef896783ab194";

  /** RFC 5903 §8.2: g^i (x | y). */
  private static final String P384_GI_HEX =
      "667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6"
          + "de3ac808acb4bdb4c88732aee95f41aa"
          + "9482ed1fc0eeb9cafc4984625ccfc23f65032149e0e144ada024181535a0f38e"
          + "eb9fcff3c2c947dae69b4c634573a81c";

  /** RFC 5903 §8.2: r. */
  private static final String P384_R_HEX =
      "41cb0779b4bdb85d47846725fbec3c9430fab46cc8dc5060855cc9bda0aa2942"
          + "e0308312916b8ed2960e4bd55a7448fc";

  /** RFC 5903 §8.2: g^r (x | y). */
  private static final String P384_GR_HEX =
      "e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d"
          + "0d1ac43a0336def96fda41d0774a3571"
          + "dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1ff"
          + "f83fa40142209dff5eaad96db9e6386c";

  /** RFC 5903 §8.2: g^ir x-coordinate. */
  private static final String P384_GIR_X_HEX =
      "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4"
          + "d603135569b9e9d09cf5d4a270f59746";

  /** RFC 5903 §8.3 (521-bit random ECP group): i. */
  private static final String P521_I_HEX =
      "0037ade9319a89f4dabdb3ef411aaccca5123c61acab57b5393dce47608172a0"
          + "95aa85a30fe1c2952c6771d937ba9777f5957b2639bab072462f68c27a57382d"
          + "4a52";

  /** RFC 5903 §8.3: g^i (x | y), each coordinate 66 bytes with leading zero bits. */
  private static final String P521_GI_HEX =
      "0015417e84dbf28c0ad3c278713349dc7df153c897a1891bd98bab4357c9ecbe"
          + "e1e3bf42e00b8e380aeae57c2d107564941885942af5a7f4601723c4195d176c"
          + "ed3e"
          + "017cae20b6641d2eeb695786d8c946146239d099e18e1d5a514c739d7cb4a10a"
          + "d8a788015ac405d7799dc75e7b7d5b6cf2261a6a7f1507438bf01beb6ca3926f"
          + "9582";

  /** RFC 5903 §8.3: r. */
  private static final String P521_R_HEX =
      "0145ba99a847af43793fdd0e872e7cdfa16be30fdc780f97bccc3f078380201e"
          + "9c677d600b343757a3bdbf2a3163e4c2f869cca7458aa4a4effc311f5cb15168"
          + "5eb9";

  /** RFC 5903 §8.3: g^r (x | y). */
  private static final String P521_GR_HEX =
      "00d0b3975ac4b799f5bea16d5e13e9af971d5e9b984c9f39728b5e5739735a21"
          + "9b97c356436adc6e95bb0352f6be64a6c2912d4ef2d0433ced2b6171640012d9"
          + "460f"
          + "015c68226383956e3bd066e797b623c27ce0eac2f551a10c2c724d9852077b87"
          + "220b6536c5c408a1d2aebb8e86d678ae49cb57091f4732296579ab44fcd17f0f"
          + "c56a";

  /** RFC 5903 §8.3: g^ir x-coordinate. */
  private static final String P521_GIR_X_HEX =
      "01144c7d79ae6956bc8edb8e7c787c4521cb086fa64407f97894e5e6b2d79b04"
          + "d1427e73ca4baa240a34786859810c06b3c715a3a8cc3151f2bee417996d19f3"
          + "ddea";

  @Test
  void matchesRfc5903Section81ForP256() throws Exception {
    checkVector(Curve.P256, P256_I_HEX, P256_GI_HEX, P256_R_HEX, P256_GR_HEX, P256_GIR_X_HEX);
  }

  @Test
  void matchesRfc5903Section82ForP384() throws Exception {
    checkVector(Curve.P384, P384_I_HEX, P384_GI_HEX, P384_R_HEX, P384_GR_HEX, P384_GIR_X_HEX);
  }

  @Test
  void matchesRfc5903Section83ForP521WithPaddedCoordinates() throws Exception {
    checkVector(Curve.P521, P521_I_HEX, P521_GI_HEX, P521_R_HEX, P521_GR_HEX, P521_GIR_X_HEX);
  }

  @Test
  void agreesWithAnInMemoryResponderOnEveryCurve() throws Exception {
    for (int method : new int[] {19, 20, 21}) {
      KeyExchange initiator = KeyExchanges.initiate(method, new SeededSecureRandom("i" + method));
      KeyExchangeResponse responder =
          KeyExchanges.respond(
              method, initiator.publicValue(), new SeededSecureRandom("r" + method));
      int length = KeyExchanges.initiatorValueLength(method);
      assertThat(initiator.publicValue()).hasSize(length);
      assertThat(responder.publicValue()).hasSize(KeyExchanges.responderValueLength(method));
      assertThat(initiator.computeSharedSecret(responder.publicValue()))
          .isEqualTo(responder.sharedSecret())
          .hasSize(length / 2);
    }
  }

  @Test
  void refusesAPointThatIsNotOnTheCurve() throws Exception {
    byte[] offCurve = HEX.parseHex(P256_GR_HEX);
    offCurve[63] ^= 1; // same x, wrong y
    KeyExchange ke = KeyExchanges.initiate(Algorithms.ECP_256, new SeededSecureRandom("c"));
    assertThatThrownBy(() -> ke.computeSharedSecret(offCurve))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessageStartingWith("invalid ECP_256 key exchange data")
        .hasMessageContaining("not on curve");
  }

  @Test
  void refusesCoordinatesOutsideTheField() throws Exception {
    byte[] allOnes = new byte[64];
    java.util.Arrays.fill(allOnes, (byte) 0xff);
    KeyExchange ke = KeyExchanges.initiate(Algorithms.ECP_256, new SeededSecureRandom("f"));
    assertThatThrownBy(() -> ke.computeSharedSecret(allOnes))
        .isInstanceOf(InvalidKeyExchangeException.class);
  }

  @Test
  void refusesTheUncompressedSec1FormAndOtherLengths() throws Exception {
    byte[] sec1 = HEX.parseHex("04" + P256_GR_HEX);
    KeyExchange ke = KeyExchanges.initiate(Algorithms.ECP_256, new SeededSecureRandom("s"));
    assertThatThrownBy(() -> ke.computeSharedSecret(sec1))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessageContaining("expected x | y of 64 bytes, got 65");
  }

  private static void checkVector(
      Curve curve, String i, String gi, String r, String gr, String girX) throws Exception {
    KeyExchange initiator = EcpKeyExchange.fromKeys(curve, HEX.parseHex(i), HEX.parseHex(gi));
    KeyExchange responder = EcpKeyExchange.fromKeys(curve, HEX.parseHex(r), HEX.parseHex(gr));
    assertThat(initiator.publicValue()).isEqualTo(HEX.parseHex(gi));
    assertThat(initiator.computeSharedSecret(HEX.parseHex(gr))).isEqualTo(HEX.parseHex(girX));
    assertThat(responder.computeSharedSecret(HEX.parseHex(gi))).isEqualTo(HEX.parseHex(girX));
  }
}
