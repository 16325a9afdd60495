package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BytesTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void padsSmallValuesWithLeadingZerosToTheFixedLength() {
    assertThat(HEX.formatHex(Bytes.unsignedFixed(BigInteger.valueOf(0x0102), 4)))
        .isEqualTo("00000102");
    assertThat(Bytes.unsignedFixed(BigInteger.ZERO, 3)).containsExactly(0, 0, 0);
  }

  @Test
  void dropsTheSignByteOfValuesWithTheTopBitSet() {
    assertThat(HEX.formatHex(Bytes.unsignedFixed(new BigInteger("ff01", 16), 2)))
        .isEqualTo("ff01");
  }

  @Test
  void refusesValuesThatDoNotFit() {
    assertThatThrownBy(() -> Bytes.unsignedFixed(new BigInteger("010000", 16), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesSpisInNetworkOrder() {
    assertThat(HEX.formatHex(Bytes.spi(0x0102030405060708L))).isEqualTo("0102030405060708");
    assertThat(HEX.formatHex(Bytes.spi(-1L))).isEqualTo("ffffffffffffffff");
  }

  @Test
  void concatenatesAndWipes() {
    byte[] a = {1, 2};
    byte[] b = {3};
    assertThat(Bytes.concat(a, b, new byte[0])).containsExactly(1, 2, 3);
    Bytes.wipe(a, null, b);
    assertThat(a).containsExactly(0, 0);
    assertThat(b).containsExactly(0);
  }
}
