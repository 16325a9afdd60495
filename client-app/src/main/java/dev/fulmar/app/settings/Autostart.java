package dev.fulmar.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starting Fulmar when the user logs in: an XDG autostart entry on Linux and other Unixes, a
 * LaunchAgent on macOS, the {@code Run} registry key on Windows. The app is started with {@code
 * --minimized}, so it goes to the tray without opening its window.
 */
public interface Autostart {

  /** Whether Fulmar is set to start at login. */
  boolean isEnabled();

  /** Turns starting at login on or off. */
  void setEnabled(boolean enabled) throws IOException;

  /** Where the setting lives, for the settings page (e.g. the file path). */
  String location();

  /** The autostart mechanism of the running OS for the command that starts this app. */
  static Autostart forCurrentUser(List<String> command) {
    return detect(System.getProperty("os.name", ""), System.getenv(),
        Path.of(System.getProperty("user.home", ".")), command);
  }

  /** The autostart mechanism of {@code osName}, for tests and the running OS. */
  static Autostart detect(String osName, Map<String, String> env, Path home, List<String> command) {
    String os = osName.toLowerCase(Locale.ROOT);
    List<String> withFlag = new ArrayList<>(command);
    withFlag.add("--minimized");
    if (os.startsWith("windows")) {
      return new WindowsRunKey(withFlag);
    }
    if (os.startsWith("mac")) {
      return new LaunchAgent(home.resolve("Library/LaunchAgents"), withFlag);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : home.resolve(".config");
    return new XdgAutostart(config.resolve("autostart"), withFlag);
  }

  /**
   * The command that starts this app: the launcher script named by the system property {@code
   * fulmar.app.launcher} (set by {@code bin/fulmar-app}), jpackage's {@code jpackage.app-path},
   * or else this JVM with this class path.
   */
  static List<String> currentLaunchCommand() {
    for (String prop : new String[] {"fulmar.app.launcher", "jpackage.app-path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isBlank()) {
        return List.of(Path.of(v).toAbsolutePath().toString());
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.fulmar.app.Launcher");
  }
}
