package dev.fulmar.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to a dark appearance: GNOME's {@code color-scheme} (or a
 * dark GTK theme) on Linux, {@code AppleInterfaceStyle} on macOS, {@code AppsUseLightTheme} on
 * Windows. When the answer cannot be found the app is light.
 */
public final class SystemTheme {

  /** Runs a command and returns its standard output, or empty when it fails. */
  @FunctionalInterface
  public interface CommandRunner {
    Optional<String> run(List<String> command);
  }

  private SystemTheme() {}

  /** Whether the running OS prefers dark windows. */
  public static boolean prefersDark() {
    return prefersDark(System.getProperty("os.name", ""), System.getenv(), SystemTheme::run);
  }

  /** Whether {@code osName} with {@code env} prefers dark windows, asking via {@code runner}. */
  public static boolean prefersDark(String osName, Map<String, String> env, CommandRunner runner) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return runner.run(List.of("reg.exe", "query",
          "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
          "/v", "AppsUseLightTheme")).map(SystemTheme::windowsDark).orElse(false);
    }
    if (os.startsWith("mac")) {
      return runner.run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
          .map(s -> s.strip().equalsIgnoreCase("dark")).orElse(false);
    }
    String gtkTheme = env.getOrDefault("GTK_THEME", "");
    if (isDarkName(gtkTheme)) {
      return true;
    }
    Optional<String> scheme = runner.run(
        List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    if (scheme.map(s -> s.contains("prefer-dark")).orElse(false)) {
      return true;
    }
    if (scheme.map(s -> s.contains("prefer-light")).orElse(false)) {
      return false;
    }
    return runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
        .map(SystemTheme::isDarkName).orElse(false);
  }

  static boolean isDarkName(String theme) {
    String t = theme.toLowerCase(Locale.ROOT);
    return t.contains("-dark") || t.endsWith(":dark") || t.contains("dark'") || t.equals("dark");
  }

  /** {@code reg query} prints e.g. {@code AppsUseLightTheme    REG_DWORD    0x0}. */
  static boolean windowsDark(String regOutput) {
    return regOutput.lines().anyMatch(l -> l.contains("AppsUseLightTheme")
        && l.strip().toLowerCase(Locale.ROOT).endsWith("0x0"));
  }

  private static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
