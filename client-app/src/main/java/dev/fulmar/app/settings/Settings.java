package dev.fulmar.app.settings;

import java.util.Objects;

/**
 * The app's own settings (not the tunnel's: those live in profiles and in the helper's policy).
 *
 * @param startAtLogin start Fulmar (in the tray) when the user logs in
 * @param connectOnStart connect {@code lastProfile} when the app starts
 * @param lastProfile id of the profile used last (selected at start), or "" for none
 * @param killSwitch block traffic outside the tunnel for the user's own profiles, when the
 *     helper's policy leaves that choice to the user
 * @param allowLan with the kill switch, keep the local network reachable
 * @param theme light, dark, or as the operating system
 * @param language a language tag the app ships ("en", "de"), or "" for the system's language
 */
public record Settings(
    boolean startAtLogin,
    boolean connectOnStart,
    String lastProfile,
    boolean killSwitch,
    boolean allowLan,
    Theme theme,
    String language) {

  /** The colour scheme of the windows. */
  public enum Theme {
    SYSTEM,
    LIGHT,
    DARK
  }

  /** What a new user gets. */
  public static final Settings DEFAULTS =
      new Settings(false, false, "", false, true, Theme.SYSTEM, "");

  public Settings {
    lastProfile = lastProfile == null ? "" : lastProfile;
    Objects.requireNonNull(theme, "theme");
    language = language == null ? "" : language;
  }

  public Settings withStartAtLogin(boolean v) {
    return new Settings(v, connectOnStart, lastProfile, killSwitch, allowLan, theme, language);
  }

  public Settings withConnectOnStart(boolean v) {
    return new Settings(startAtLogin, v, lastProfile, killSwitch, allowLan, theme, language);
  }

  public Settings withLastProfile(String v) {
    return new Settings(startAtLogin, connectOnStart, v, killSwitch, allowLan, theme, language);
  }

  public Settings withKillSwitch(boolean v) {
    return new Settings(startAtLogin, connectOnStart, lastProfile, v, allowLan, theme, language);
  }

  public Settings withAllowLan(boolean v) {
    return new Settings(startAtLogin, connectOnStart, lastProfile, killSwitch, v, theme, language);
  }

  public Settings withTheme(Theme v) {
    return new Settings(startAtLogin, connectOnStart, lastProfile, killSwitch, allowLan, v, language);
  }

  public Settings withLanguage(String v) {
    return new Settings(startAtLogin, connectOnStart, lastProfile, killSwitch, allowLan, theme, v);
  }
}
