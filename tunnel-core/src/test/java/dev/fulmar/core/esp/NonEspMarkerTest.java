package dev.fulmar.core.esp;

import static dev.fulmar.core.esp.EspTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NonEspMarkerTest {
  /** RFC 3948 §2.2: non-ESP marker followed by an IKE header (SPIi ...). */
  static final String IKE_ON_4500_HEX = "00000000" + "0102030405060708" + "0000000000000000";
  /** RFC 3948 §2.3: NAT-keepalive. */
  static final String KEEPALIVE_HEX = "ff";

  @Test
  void classifiesIkeKeepaliveAndEsp() {
    byte[] ike = hex(IKE_ON_4500_HEX);
    assertThat(NonEspMarker.classify(ike, 0, ike.length)).isEqualTo(NonEspMarker.Kind.IKE);
    assertThat(NonEspMarker.classify(hex(KEEPALIVE_HEX), 0, 1))
        .isEqualTo(NonEspMarker.Kind.NAT_KEEPALIVE);
    byte[] esp = hex("c0ffee0100000001aabbccdd");
    assertThat(NonEspMarker.classify(esp, 0, esp.length)).isEqualTo(NonEspMarker.Kind.ESP);
    assertThat(NonEspMarker.classify(hex("00"), 0, 1)).isEqualTo(NonEspMarker.Kind.INVALID);
    assertThat(NonEspMarker.classify(esp, 0, 6)).isEqualTo(NonEspMarker.Kind.INVALID);
  }

  @Test
  void buildsKeepaliveAndMarker() {
    byte[] b = new byte[8];
    assertThat(NonEspMarker.writeKeepalive(b, 3)).isEqualTo(1);
    assertThat(b[3]).isEqualTo((byte) 0xFF);
    java.util.Arrays.fill(b, (byte) 9);
    assertThat(NonEspMarker.writeMarker(b, 2)).isEqualTo(4);
    assertThat(NonEspMarker.classify(b, 2, 6)).isEqualTo(NonEspMarker.Kind.IKE);
  }

  @Property(tries = 2000)
  void classifiesAnyBytesWithoutThrowing(@ForAll byte[] bytes) {
    assertThat(NonEspMarker.classify(bytes, 0, bytes.length)).isNotNull();
  }
}
