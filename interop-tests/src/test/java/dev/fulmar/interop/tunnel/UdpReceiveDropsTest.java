package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdpReceiveDropsTest {
  /** The two Udp lines of /proc/net/snmp (kernel 6.x): names, then values. */
  private static final String SNMP = "Ip: Forwarding DefaultTTL InReceives\n"
      + "Ip: 1 64 613138\n"
      + "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors"
      + " IgnoredMulti MemErrors\n"
      + "Udp: 273404 0 18006 48343 17999 0 0 0 0\n"
      + "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors\n"
      + "UdpLite: 0 0 0 0 5 0\n";

  @Test
  void readsRcvbufErrorsOfUdpNotUdpLite() {
    assertThat(UdpReceiveDrops.parse(SNMP)).isEqualTo(17999);
  }

  @Test
  void withoutTheCounterSaysSo() {
    assertThat(UdpReceiveDrops.parse("Udp: InDatagrams NoPorts\nUdp: 1 2\n")).isEqualTo(-1);
    assertThat(UdpReceiveDrops.parse("")).isEqualTo(-1);
    assertThat(UdpReceiveDrops.parse("Udp: RcvbufErrors\nUdp: x\n")).isEqualTo(-1);
  }
}
