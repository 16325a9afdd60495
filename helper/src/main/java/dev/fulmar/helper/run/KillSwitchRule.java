package dev.fulmar.helper.run;

import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrator's word on the kill switch, applied over the profile's: {@link Mode#PROFILE}
 * leaves it to the profile, {@link Mode#ALWAYS_ON} blocks for every full-tunnel profile, {@link
 * Mode#OFF} never blocks; {@code lanAllowed} false refuses the LAN exception whatever the profile
 * says.
 *
 * <p>The kill switch only guards full-tunnel profiles: a split tunnel sends the rest of the
 * traffic outside the tunnel on purpose, so there is nothing to leak.
 */
public record KillSwitchRule(Mode mode, boolean lanAllowed) {
  /** The profile decides (no policy, {@code fulmard run}). */
  public static final KillSwitchRule PROFILE_DECIDES = new KillSwitchRule(Mode.PROFILE, true);

  /** Who decides. */
  public enum Mode { PROFILE, ALWAYS_ON, OFF }

  public KillSwitchRule {
    Objects.requireNonNull(mode, "mode");
  }

  /** Whether {@code profile} gets the kill switch under this rule. */
  public boolean engages(Profile profile) {
    if (profile.routing().mode() != Routing.Mode.FULL) {
      return false;
    }
    return switch (mode) {
      case ALWAYS_ON -> true;
      case OFF -> false;
      case PROFILE -> profile.killSwitch().enabled();
    };
  }

  /**
   * The rules for {@code profile} over {@code tunnel}, letting IKE and ESP reach {@code gateways}
   * (resolved before: name resolution outside the tunnel is blocked too); empty when it does not
   * engage.
   */
  public Optional<KillSwitchPolicy> policy(Profile profile, String tunnel,
      List<InetAddress> gateways) {
    if (!engages(profile)) {
      return Optional.empty();
    }
    boolean lan = lanAllowed && profile.killSwitch().allowLan();
    return Optional.of(new KillSwitchPolicy(tunnel, gateways, KillSwitchPolicy.IKE_PORTS, lan));
  }
}
