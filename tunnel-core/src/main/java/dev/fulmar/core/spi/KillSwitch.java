package dev.fulmar.core.spi;

/**
 * Blocks all traffic that would leave outside the tunnel while a full-tunnel profile is up or
 * reconnecting, except IKE/ESP to the gateway, loopback and (optionally) the local LAN.
 *
 * <p>The rules are recorded in a {@link SystemChangeJournal} before they are installed, so they are
 * removed on {@link #release()} and, after a crash, by the next helper start.
 */
public interface KillSwitch {

  /**
   * Installs {@code policy}, or atomically replaces the policy in force (e.g. the gateway address
   * changed after MOBIKE or a redirect); never opens a window in which traffic leaks.
   *
   * @throws SystemConfigException ({@link SystemConfigException.Step#KILL_SWITCH}) when the rules
   *     could not be installed; a previous policy then stays in force
   */
  void engage(KillSwitchPolicy policy) throws SystemConfigException;

  /** Removes the rules. Idempotent. */
  void release() throws SystemConfigException;

  /** True while the rules are installed by this object. */
  boolean engaged();
}
