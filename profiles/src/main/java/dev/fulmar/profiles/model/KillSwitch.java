package dev.fulmar.profiles.model;

/**
 * Block traffic outside the tunnel while connected (and while reconnecting); {@code allowLan} keeps
 * the local subnets reachable (printers, SSH) as users ask for.
 */
public record KillSwitch(boolean enabled, boolean allowLan) {
  public static final KillSwitch OFF = new KillSwitch(false, true);
}
