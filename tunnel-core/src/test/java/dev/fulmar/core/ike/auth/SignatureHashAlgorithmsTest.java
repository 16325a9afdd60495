package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SignatureHashAlgorithmsTest {

  /** Notify data announcing SHA2_256 (2), SHA2_384 (3), SHA2_512 (4) per RFC 7427 §4. */
  private static final String OUR_NOTIFY_DATA_HEX = "000200030004";
  /** strongSwan 5.9.8 announces SHA1, SHA2_256, SHA2_384, SHA2_512 and Identity. */
  private static final String STRONGSWAN_NOTIFY_DATA_HEX = "00010002000300040005";

  @Test
  void encodesWhatWeSupport() {
    assertThat(HexFormat.of().formatHex(
            SignatureHashAlgorithms.encode(SignatureHashAlgorithms.SUPPORTED)))
        .isEqualTo(OUR_NOTIFY_DATA_HEX);
  }

  @Test
  void decodesGatewayListKeepingUnknownValues() throws Exception {
    List<SignatureHash> list = SignatureHashAlgorithms.decode(
        HexFormat.of().parseHex(STRONGSWAN_NOTIFY_DATA_HEX + "1234"));
    assertThat(list).containsExactly(SignatureHash.SHA1, SignatureHash.SHA2_256,
        SignatureHash.SHA2_384, SignatureHash.SHA2_512, SignatureHash.IDENTITY,
        SignatureHash.valueOf(0x1234));
    assertThat(list.get(5).toString()).isEqualTo("unknown(4660)");
  }

  @Test
  void rejectsOddLength() {
    assertThatThrownBy(() -> SignatureHashAlgorithms.decode(new byte[3]))
        .isInstanceOf(AuthDataException.class).hasMessageContaining("odd length 3");
  }

  @Test
  void prefersStrongestHashForRsaAndCurveHashForEcdsa() {
    List<SignatureHash> all = List.of(SignatureHash.SHA1, SignatureHash.SHA2_256,
        SignatureHash.SHA2_384, SignatureHash.SHA2_512);
    assertThat(SignatureHashAlgorithms.select(all, 0)).isEqualTo(SignatureHash.SHA2_512);
    assertThat(SignatureHashAlgorithms.select(all, 256)).isEqualTo(SignatureHash.SHA2_256);
    assertThat(SignatureHashAlgorithms.select(all, 384)).isEqualTo(SignatureHash.SHA2_384);
    assertThat(SignatureHashAlgorithms.select(all, 521)).isEqualTo(SignatureHash.SHA2_512);
    assertThat(SignatureHashAlgorithms.select(List.of(SignatureHash.SHA2_384), 256))
        .isEqualTo(SignatureHash.SHA2_384);
  }

  @Test
  void refusesGatewayThatOffersOnlySha1() {
    assertThatThrownBy(() -> SignatureHashAlgorithms.select(List.of(SignatureHash.SHA1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHA-1");
  }

  @Property(tries = 2000)
  void decodesArbitraryBytesOrFailsTyped(@ForAll byte[] data) {
    try {
      assertThat(SignatureHashAlgorithms.decode(data)).hasSize(data.length / 2);
    } catch (AuthDataException e) {
      assertThat(data.length % 2).isEqualTo(1);
    }
  }
}
