package dev.fulmar.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void dnsDomainsAreNormalisedAndChecked() throws Exception {
    DnsSettings dns =
        new DnsSettings(List.of(ip("198.51.100.53")), List.of("Corp.Example."), List.of("lab"));
    assertThat(dns.searchDomains()).containsExactly("corp.example");
    assertThatThrownBy(
            () -> new DnsSettings(List.of(ip("198.51.100.53")), List.of("bad domain"), List.of()))
        .hasMessageContaining("invalid DNS domain 'bad domain'");
    assertThatThrownBy(() -> new DnsSettings(List.of(), List.of("corp.example"), List.of()))
        .hasMessageContaining("without a DNS server");
  }

  @Test
  void tunnelConfigRejectsBadNamesAndMtus() throws Exception {
    TunnelAddress v6 = new TunnelAddress(ip("2001:db8::2"), 64);
    assertThatThrownBy(() -> config("eth0; rm", 1400, List.of()))
        .hasMessageContaining("invalid interface name");
    assertThatThrownBy(() -> config("fulmar0", 100, List.of())).hasMessageContaining("MTU 100");
    assertThatThrownBy(() -> config("fulmar0", 1200, List.of(v6)))
        .hasMessageContaining("below IPv6's minimum of 1280");
    assertThat(config("fulmar0", 1280, List.of(v6)).hasIpv6()).isTrue();
  }

  @Test
  void tunnelAddressesMustBeAssignable() throws Exception {
    assertThatThrownBy(() -> TunnelAddress.host(ip("0.0.0.0"))).hasMessageContaining("cannot");
    assertThatThrownBy(() -> new TunnelAddress(ip("10.0.0.1"), 33)).hasMessageContaining("33");
    assertThat(TunnelAddress.host(ip("10.0.0.1"))).hasToString("10.0.0.1/32");
  }

  @Test
  void undoStepsRefuseLineBreaksAndOddKinds() {
    assertThatThrownBy(() -> UndoStep.of("route.delete", "10.0.0.0/8\nip link del eth0"))
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> UndoStep.of("Route Delete")).hasMessageContaining("kind");
    assertThat(UndoStep.of("route.delete", "10.0.0.0/8", "fulmar0"))
        .hasToString("route.delete 10.0.0.0/8 fulmar0");
  }

  @Test
  void killSwitchPolicyChecksPortsAndName() throws Exception {
    assertThatThrownBy(
            () -> new KillSwitchPolicy("fulmar0", List.of(ip("203.0.113.1")), Set.of(0), false))
        .hasMessageContaining("port 0");
    assertThat(KillSwitchPolicy.LAN_PREFIXES).contains(IpPrefix.parse("192.168.0.0/16"));
  }

  @Test
  void tunOptionsAcceptATemplate() {
    assertThat(new TunOptions(TunOptions.DEFAULT_NAME, 1400, true).name()).isEqualTo("fulmar%d");
    assertThatThrownBy(() -> new TunOptions("a%db%d", 1400, false)).hasMessageContaining("template");
    assertThatThrownBy(() -> new TunOptions("averyveryverylongname", 1400, false))
        .hasMessageContaining("invalid");
  }

  @Test
  void networkChangesCheckTheirPrefixLength() throws Exception {
    assertThatThrownBy(() -> new NetworkChange(NetworkChange.Kind.ADDRESS_ADDED, 2,
        java.util.Optional.of("eth0"), java.util.Optional.of(ip("192.0.2.9")), 33))
        .hasMessageContaining("prefix length 33");
    assertThat(new NetworkChange(NetworkChange.Kind.ADDRESS_ADDED, 2,
        java.util.Optional.of("eth0"), java.util.Optional.of(ip("192.0.2.9")), 24))
        .hasToString("ADDRESS_ADDED eth0 192.0.2.9/24");
    assertThat(new NetworkChange(NetworkChange.Kind.LINK_DOWN, 7, java.util.Optional.empty(),
        java.util.Optional.empty(), 0)).hasToString("LINK_DOWN #7");
  }

  private static TunnelNetworkConfig config(String name, int mtu, List<TunnelAddress> addrs)
      throws Exception {
    return new TunnelNetworkConfig(
        name, mtu, addrs, RoutingMode.SPLIT, List.of(), ip("203.0.113.1"), DnsSettings.NONE);
  }
}
