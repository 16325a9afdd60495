package dev.fulmar.interop.fulmar;

import java.util.List;

/**
 * What a test profile for the standard gateway says beyond the EAP-MSCHAPv2 login: full or split
 * (LAN only) tunnel, kill switch (with or without its LAN exception), DPD interval and MOBIKE.
 * {@link FulmardRun#profile(String, ProfileOptions)} writes it.
 */
public record ProfileOptions(boolean full, boolean killSwitch, boolean allowLan, int dpdSeconds,
    boolean mobike) {

  /** Full tunnel, no kill switch, DPD every 30 s, MOBIKE on. */
  public static ProfileOptions fullTunnel() {
    return new ProfileOptions(true, false, false, 30, true);
  }

  /** Split tunnel (LAN only), no kill switch, DPD every 30 s, MOBIKE on. */
  public static ProfileOptions splitTunnel() {
    return new ProfileOptions(false, false, false, 30, true);
  }

  /** With the kill switch, the local network blocked too. */
  public ProfileOptions withKillSwitch() {
    return new ProfileOptions(full, true, false, dpdSeconds, mobike);
  }

  /** With the kill switch and its LAN exception. */
  public ProfileOptions withKillSwitchAndLan() {
    return new ProfileOptions(full, true, true, dpdSeconds, mobike);
  }

  /** With a DPD interval of {@code seconds}. */
  public ProfileOptions dpd(int seconds) {
    return new ProfileOptions(full, killSwitch, allowLan, seconds, mobike);
  }

  /** With MOBIKE on or off. */
  public ProfileOptions mobike(boolean on) {
    return new ProfileOptions(full, killSwitch, allowLan, dpdSeconds, on);
  }

  String tunnel() {
    return full ? "{ \"mode\": \"full\" }" : FulmardRun.splitLan();
  }

  List<String> members() {
    return List.of("\"timers\": { \"dpd\": " + dpdSeconds + " }",
        "\"transport\": { \"mobike\": " + mobike + " }",
        "\"killSwitch\": { \"enabled\": " + killSwitch + ", \"allowLan\": " + allowLan + " }");
  }
}
