package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtioNetHeaderTest {

  @Test
  void virtioHeaderRoundTripsLittleEndian() {
    byte[] b = new byte[12];
    VirtioNetHeader.write(b, 2, 1, VirtioNetHeader.GSO_TCPV4, 52, 1388, 20, 16);
    assertThat(b[2 + 4]).isEqualTo((byte) (1388 & 0xff));
    assertThat(VirtioNetHeader.gsoSize(b, 2)).isEqualTo(1388);
    assertThat(VirtioNetHeader.headerLength(b, 2)).isEqualTo(52);
    assertThat(VirtioNetHeader.checksumStart(b, 2)).isEqualTo(20);
    assertThat(VirtioNetHeader.checksumOffset(b, 2)).isEqualTo(16);
    assertThat(VirtioNetHeader.flags(b, 2)).isEqualTo(VirtioNetHeader.FLAG_NEEDS_CSUM);
    assertThat(VirtioNetHeader.gsoType(b, 2)).isEqualTo(VirtioNetHeader.GSO_TCPV4);
  }
}
