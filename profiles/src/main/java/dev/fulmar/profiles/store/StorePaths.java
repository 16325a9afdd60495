package dev.fulmar.profiles.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where profiles live: the user's own (writable) directory and the system directories that an admin
 * provisions (read-only to users). Injectable so tests use temporary directories.
 *
 * @param userDir e.g. {@code ~/.config/fulmar/profiles}
 * @param systemDirs e.g. {@code /etc/fulmar/profiles}
 */
public record StorePaths(Path userDir, List<Path> systemDirs) {

  public StorePaths {
    systemDirs = List.copyOf(systemDirs);
  }

  /** The paths for the current user on the running OS. */
  public static StorePaths forCurrentUser() {
    return detect(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home", ".")));
  }

  /**
   * The conventional paths: XDG_CONFIG_HOME (or ~/.config) and /etc on Linux and other Unixes,
   * %APPDATA% and %ProgramData% on Windows, Application Support on macOS.
   */
  public static StorePaths detect(Map<String, String> env, String osName, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path appData =
          env.containsKey("APPDATA")
              ? Path.of(env.get("APPDATA"))
              : home.resolve("AppData").resolve("Roaming");
      Path programData = Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"));
      return new StorePaths(
          appData.resolve("Fulmar").resolve("profiles"),
          List.of(programData.resolve("Fulmar").resolve("profiles")));
    }
    if (os.startsWith("mac")) {
      return new StorePaths(
          home.resolve("Library/Application Support/Fulmar/profiles"),
          List.of(Path.of("/Library/Application Support/Fulmar")));
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".config");
    return new StorePaths(
        config.resolve("fulmar").resolve("profiles"), List.of(Path.of("/etc/fulmar/profiles")));
  }
}
