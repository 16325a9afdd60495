package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parsing of ping, iperf3, apt sources and findmnt output, from samples of those tools. */
class ToolOutputParsingTest {

  @Test
  void pingSummaryWithRoundTrip() {
    Ping.Result r = Ping.parse("""
        PING 10.200.0.10 (10.200.0.10) 56(84) bytes of data.
        64 bytes from 10.200.0.10: icmp_seq=1 ttl=63 time=0.540 ms

        --- 10.200.0.10 ping statistics ---
        3 packets transmitted, 2 received, 33.3333% packet loss, time 402ms
        rtt min/avg/max/mdev = 0.540/0.545/0.551/0.005 ms
        """);
    assertThat(r.transmitted()).isEqualTo(3);
    assertThat(r.received()).isEqualTo(2);
    assertThat(r.allReceived()).isFalse();
    assertThat(r.avgRttMillis()).isEqualTo(0.545);
  }

  @Test
  void pingWithoutSummaryReceivedNothing() {
    Ping.Result r = Ping.parse("ping: connect: Network is unreachable\n");
    assertThat(r.transmitted()).isZero();
    assertThat(r.allReceived()).isFalse();
    assertThat(r.avgRttMillis()).isNaN();
  }

  @Test
  void ipv6PacketTooBigFromThePath() {
    Ping.Result r = Ping.parse("""
        PING 2001:db8:2::2(2001:db8:2::2) 1400 data bytes
        From 2001:db8:1::1 icmp_seq=1 Packet too big: mtu=1300
        From 2001:db8:1::1 icmp_seq=2 Packet too big: mtu=1300

        --- 2001:db8:2::2 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 407ms
        """);
    assertThat(r.received()).isZero();
    assertThat(r.packetTooBigMtu()).hasValue(1300);
    assertThat(r.localTooBigMtu()).isEmpty();
  }

  @Test
  void ipv4FragmentationNeededFromThePath() {
    Ping.Result r = Ping.parse("""
        PING 10.200.0.10 (10.200.0.10) 1400(1428) bytes of data.
        From 192.0.2.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)

        --- 10.200.0.10 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
        """);
    assertThat(r.packetTooBigMtu()).hasValue(1400);
  }

  @Test
  void localRefusalOfAnOversizePacketNamesTheMtu() {
    Ping.Result r = Ping.parse("""
        PING 2001:db8:2::2(2001:db8:2::2) 1500 data bytes

        --- 2001:db8:2::2 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 208ms
        ping: local error: message too long, mtu: 1300
        ping: local error: message too long, mtu: 1300
        """);
    assertThat(r.localTooBigMtu()).hasValue(1300);
    assertThat(r.packetTooBigMtu()).isEmpty();
    assertThat(Ping.parse("ping: local error: message too long, mtu=1438\n").localTooBigMtu())
        .as("IPv4 spelling").hasValue(1438);
  }

  @Test
  void iperf3TcpReport() {
    Iperf3.Result r = Iperf3.parse("""
        {"start": {}, "intervals": [], "end": {
          "sum_sent": {"bytes": 125000000, "bits_per_second": 333000000.5, "retransmits": 42},
          "sum_received": {"bytes": 124000000, "bits_per_second": 330000000.0}}}
        """);
    assertThat(r.sentBitsPerSecond()).isEqualTo(333000000.5);
    assertThat(r.receivedBitsPerSecond()).isEqualTo(330000000.0);
    assertThat(r.retransmits()).isEqualTo(42);
  }

  @Test
  void iperf3UdpReportCountsLoss() {
    Iperf3.Result r = Iperf3.parse("""
        {"end": {"sum": {"bits_per_second": 100000000, "lost_percent": 10.0,
          "jitter_ms": 0.02}}}
        """);
    assertThat(r.lostPercent()).isEqualTo(10.0);
    assertThat(r.receivedBitsPerSecond()).isEqualTo(90000000.0);
  }

  @Test
  void iperf3WithoutJsonIsALabError() {
    assertThatThrownBy(() -> Iperf3.parse("iperf3: error - unable to connect"))
        .isInstanceOf(LabException.class).hasMessageContaining("no JSON");
  }

  @Test
  void mirrorFromDeb822SourcesSkipsSecurityArchive() {
    String sources = """
        Types: deb
        # http://snapshot.debian.org/archive/debian/20250520T000000Z
        URIs: http://deb.debian.org/debian
        Suites: bookworm bookworm-updates
        """;
    assertThat(DebianMirror.firstArchive(sources)).isEqualTo("http://deb.debian.org/debian");
    assertThat(DebianMirror.firstArchive("URIs: http://deb.debian.org/debian-security\n"))
        .isNull();
  }

  @Test
  void mirrorFromOneLineSourcesWithOptions() {
    assertThat(DebianMirror.firstArchive(
        "deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] https://ftp.ch.debian.org/debian/"
            + " bookworm main\n"))
        .isEqualTo("https://ftp.ch.debian.org/debian");
    assertThat(DebianMirror.firstArchive("deb https://packages.cloud.google.com/apt x main\n"))
        .isNull();
  }

  @Test
  void mountsBelowADirectoryButNotItsNamesakes() {
    String findmnt = String.join("\n", "/", "/proc", "/var/cache/fi/sid-1/dev",
        "/var/cache/fi/sid-10/proc", "/var/cache/fi/sid-1", "/var/cache/fi/sid-1/my\\x20dir");
    assertThat(Mounts.below(Path.of("/var/cache/fi/sid-1"), findmnt))
        .containsExactly("/var/cache/fi/sid-1/dev", "/var/cache/fi/sid-1",
            "/var/cache/fi/sid-1/my dir");
  }

  @Test
  void shellQuotingSurvivesSingleQuotes() {
    assertThat(Shell.quote("/tmp/it's here")).isEqualTo("'/tmp/it'\\''s here'");
  }
}
