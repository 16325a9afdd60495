package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.KillSwitchPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesetTest {

  @Test
  void replacesTheWholeTableInOneTransaction() {
    String s = NftRuleset.render(policy(false));
    assertThat(s).startsWith("table inet fulmar\ndelete table inet fulmar\ntable inet fulmar {\n");
    assertThat(s).contains("type filter hook output priority filter; policy drop;")
        .contains("type filter hook input priority filter; policy drop;");
  }

  @Test
  void letsThroughTheTunnelAndIkeToEachGatewayFamily() {
    String s = NftRuleset.render(policy(false));
    assertThat(s).contains("oifname \"fulmar0\" accept")
        .contains("ip daddr { 203.0.113.1 } udp dport { 500, 4500 } accept")
        .contains("ip6 daddr { 2001:db8:0:0:0:0:0:1 } udp dport { 500, 4500 } accept")
        .contains("ip saddr { 203.0.113.1 } udp sport { 500, 4500 } accept")
        .doesNotContain("10.0.0.0/8");
  }

  @Test
  void theLanExceptionCoversPrivateAndLinkLocalRangesBothWays() {
    String s = NftRuleset.render(policy(true));
    assertThat(s).contains(
        "ip daddr { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16 } accept",
        "ip saddr { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16 } accept",
        "ip6 daddr { fe80:0:0:0:0:0:0:0/10, fc00:0:0:0:0:0:0:0/7 } accept");
  }

  private static KillSwitchPolicy policy(boolean lan) {
    return new KillSwitchPolicy("fulmar0", List.of(ip("203.0.113.1"), ip("2001:db8::1")),
        KillSwitchPolicy.IKE_PORTS, lan);
  }
}
