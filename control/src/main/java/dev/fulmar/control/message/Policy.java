package dev.fulmar.control.message;

import java.util.Objects;

/**
 * Settings an administrator sets for every user of this machine.
 *
 * @param adminGroup members of this group may change system profiles and policy like root; null
 *     for root only
 * @param userProfilesAllowed whether operators may connect with profiles they send (false: only
 *     system profiles)
 * @param killSwitch who decides about the kill switch
 * @param lanExceptionAllowed whether the kill switch may let the local network through
 */
public record Policy(
    String adminGroup,
    boolean userProfilesAllowed,
    KillSwitchRule killSwitch,
    boolean lanExceptionAllowed) {

  /** Who decides whether traffic outside the tunnel is blocked. */
  public enum KillSwitchRule {
    /** Each profile (and the user) decides. */
    USER_CHOICE,
    /** Always on for full-tunnel profiles. */
    ALWAYS_ON,
    /** Never used. */
    OFF
  }

  /** The defaults: root administers, users may bring profiles, kill switch up to them. */
  public static final Policy DEFAULT = new Policy(null, true, KillSwitchRule.USER_CHOICE, true);

  public Policy {
    Objects.requireNonNull(killSwitch, "killSwitch");
    if (adminGroup != null && !adminGroup.matches("[A-Za-z_][A-Za-z0-9_.-]{0,31}")) {
      throw new IllegalArgumentException("policy: adminGroup '" + adminGroup
          + "' is not a group name");
    }
  }
}
