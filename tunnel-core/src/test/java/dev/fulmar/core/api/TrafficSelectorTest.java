package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TrafficSelectorTest {

  /**
   * IPv4/UDP 192.0.2.10:5000 -> 198.51.100.7:53: a 20-byte header (version 4, IHL 5, protocol 17,
   * no fragment offset) and the 8-byte UDP header; checksums are not looked at.
   */
  private static final String UDP_PACKET_HEX =
      "4500001c000000004011" + "0000" + "c000020a" + "c6336407" + "13880035" + "00080000";

  private static final byte[] PACKET = HexFormat.of().parseHex(UDP_PACKET_HEX);

  @Test
  void matchesAPacketsAddressesProtocolAndPorts() throws Exception {
    TrafficSelector lan = TrafficSelector.subnet("198.51.100.0/24");
    TrafficSelector dns = new TrafficSelector(InetAddress.getByName("198.51.100.7"),
        InetAddress.getByName("198.51.100.7"), 17, 53, 53);
    TrafficSelector tcpDns = new TrafficSelector(InetAddress.getByName("198.51.100.7"),
        InetAddress.getByName("198.51.100.7"), 6, 53, 53);

    assertThat(lan.matches(PACKET, 0, PACKET.length, false)).isTrue();
    assertThat(lan.matches(PACKET, 0, PACKET.length, true)).isFalse();
    assertThat(dns.matches(PACKET, 0, PACKET.length, false)).isTrue();
    assertThat(dns.matches(PACKET, 0, PACKET.length, true)).isFalse();
    assertThat(tcpDns.matches(PACKET, 0, PACKET.length, false)).isFalse();
    assertThat(TrafficSelector.all(true).matches(PACKET, 0, PACKET.length, false)).isFalse();
    assertThat(dns).hasToString("198.51.100.7/32[17/53-53]");
  }

  @Test
  void matchingAllocatesNothing() {
    TrafficSelector lan = TrafficSelector.subnet("198.51.100.0/24");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    int matched = 0;
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      matched += lan.matches(PACKET, 0, PACKET.length, false) ? 1 : 0;
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    assertThat(matched).isEqualTo(100_000);
    assertThat(allocated).isLessThan(1024);
  }

  @Test
  void printsRangesThatAreNoPrefixAsRanges() throws Exception {
    TrafficSelector range = new TrafficSelector(InetAddress.getByName("10.0.0.1"),
        InetAddress.getByName("10.0.0.5"), 0, 0, 65535);
    assertThat(range.prefixLength()).isEqualTo(-1);
    assertThat(range).hasToString("10.0.0.1-10.0.0.5");
    assertThat(TrafficSelector.subnet("2001:db8::/31").prefixLength()).isEqualTo(31);
    assertThat(range).isEqualTo(new TrafficSelector(InetAddress.getByName("10.0.0.1"),
        InetAddress.getByName("10.0.0.5"), 0, 0, 65535));
  }

  @Test
  void refusesWhatIsNoSelector() throws Exception {
    assertThatThrownBy(() -> TrafficSelector.subnet("vpn.example.test/24"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrafficSelector.subnet("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrafficSelector(InetAddress.getByName("10.0.0.5"),
        InetAddress.getByName("10.0.0.1"), 0, 0, 65535))
        .hasMessageContaining("start address after end address");
    assertThatThrownBy(() -> new TrafficSelector(InetAddress.getByName("10.0.0.1"),
        InetAddress.getByName("2001:db8::1"), 0, 0, 65535))
        .hasMessageContaining("mixes IPv4 and IPv6");
  }

  /**
   * The per-packet range check (unsigned words) agrees with a byte-wise unsigned comparison for
   * any range and address of either family, also at the range's first and last address and with
   * the top bit set (where signed comparison would go wrong).
   */
  @Property(tries = 2000)
  void containsAddressAtAgreesWithByteWiseComparison(
      @ForAll @Size(min = 48, max = 48) byte[] raw,
      @ForAll boolean ipv6,
      @ForAll @IntRange(min = 0, max = 3) int probe) throws Exception {
    int n = ipv6 ? 16 : 4;
    byte[] a = Arrays.copyOfRange(raw, 0, n);
    byte[] b = Arrays.copyOfRange(raw, 16, 16 + n);
    byte[] lo = Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    byte[] hi = lo == a ? b : a;
    TrafficSelector ts = new TrafficSelector(InetAddress.getByAddress(lo),
        InetAddress.getByAddress(hi), 0, 0, 65535);
    byte[] addr = probe == 0 ? lo : probe == 1 ? hi : Arrays.copyOfRange(raw, 32, 32 + n);
    byte[] packet = new byte[3 + n];
    System.arraycopy(addr, 0, packet, 3, n);
    boolean expected =
        Arrays.compareUnsigned(addr, lo) >= 0 && Arrays.compareUnsigned(addr, hi) <= 0;
    assertThat(ts.containsAddressAt(packet, 3)).isEqualTo(expected);
  }
}
