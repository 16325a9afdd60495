package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who decides about the kill switch: the profile, unless the administrator's policy forces it on
 * or off or refuses the LAN exception; and only a full tunnel has anything to guard.
 */
class KillSwitchRuleTest {
  private static final List<InetAddress> GATEWAYS = List.of(address("192.0.2.1"),
      address("2001:db8::1"));

  @Test
  void theProfileDecidesWithoutAPolicy() {
    KillSwitchRule rule = KillSwitchRule.PROFILE_DECIDES;
    assertThat(rule.policy(full(new KillSwitch(false, true)), "fulmar0", GATEWAYS)).isEmpty();

    Optional<KillSwitchPolicy> on = rule.policy(full(new KillSwitch(true, false)), "fulmar0",
        GATEWAYS);
    assertThat(on).contains(new KillSwitchPolicy("fulmar0", GATEWAYS, Set.of(500, 4500), false));
    assertThat(rule.policy(full(new KillSwitch(true, true)), "fulmar0", GATEWAYS)
        .orElseThrow().allowLan()).isTrue();
  }

  @Test
  void thePolicyForcesItOnOrOff() {
    KillSwitchRule always = new KillSwitchRule(KillSwitchRule.Mode.ALWAYS_ON, true);
    assertThat(always.policy(full(KillSwitch.OFF), "fulmar0", GATEWAYS)).isPresent();

    KillSwitchRule never = new KillSwitchRule(KillSwitchRule.Mode.OFF, true);
    assertThat(never.policy(full(new KillSwitch(true, true)), "fulmar0", GATEWAYS)).isEmpty();
  }

  @Test
  void thePolicyCanRefuseTheLanException() {
    KillSwitchRule noLan = new KillSwitchRule(KillSwitchRule.Mode.PROFILE, false);
    assertThat(noLan.policy(full(new KillSwitch(true, true)), "fulmar0", GATEWAYS)
        .orElseThrow().allowLan()).isFalse();
  }

  @Test
  void aSplitTunnelHasNothingToGuard() {
    Profile split = full(new KillSwitch(true, true)).toBuilder()
        .routing(new Routing(Routing.Mode.SPLIT, List.of(Subnet.of("10.200.0.0/24")),
            List.of()))
        .build();
    assertThat(KillSwitchRule.PROFILE_DECIDES.engages(split)).isFalse();
    assertThat(new KillSwitchRule(KillSwitchRule.Mode.ALWAYS_ON, true).engages(split)).isFalse();
  }

  private static Profile full(KillSwitch k) {
    return Profile.builder().name("office").gateway("192.0.2.1")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "alice"))
        .routing(Routing.FULL_TUNNEL).killSwitch(k).build();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
