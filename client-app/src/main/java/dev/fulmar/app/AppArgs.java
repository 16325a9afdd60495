package dev.fulmar.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The app's command line: {@code fulmar-app [--minimized] [--socket PATH] [--demo-profile FILE]
 * [--measure-start] [FILE]}. A FILE is a profile to import (what the file manager passes when the
 * user opens a {@code .vpn}, {@code .sswan} or {@code .mobileconfig} file).
 *
 * @param minimized start in the tray without opening the window (start at login)
 * @param socket the helper's control socket, or null for the default
 * @param demoProfile the first-run demo's profile, or null when no demo is set up
 * @param measureStart print the time from JVM start to the visible window, then exit
 * @param file a profile file to import, or null
 */
record AppArgs(boolean minimized, Path socket, Path demoProfile, boolean measureStart, Path file) {

  static final String USAGE = String.join("\n",
      "Usage: fulmar-app [OPTIONS] [FILE]",
      "",
      "The Fulmar VPN tray app. FILE is a profile to import (.vpn, .sswan, .mobileconfig);",
      "when Fulmar is already running, the running app imports it.",
      "",
      "  --minimized           start in the tray without opening the window",
      "  --socket PATH         the helper's control socket (default: the system's; also",
      "                        the environment variable FULMAR_SOCKET)",
      "  --demo-profile FILE   offer this profile as the first-run demo",
      "  --measure-start       print the time from start to the visible window and exit",
      "  -h, --help            show this help");

  /** Thrown for a command line that cannot be used; the message says why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parses {@code args}; {@code --help} yields null. */
  static AppArgs parse(List<String> args) throws UsageException {
    boolean minimized = false;
    boolean measure = false;
    Path socket = null;
    Path demo = null;
    Path file = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "--minimized" -> minimized = true;
        case "--measure-start" -> measure = true;
        case "--socket" -> socket = Path.of(value(args, ++i, a));
        case "--demo-profile" -> demo = Path.of(value(args, ++i, a));
        default -> {
          if (a.startsWith("-") && !a.equals("-")) {
            throw new UsageException("unknown option '" + a + "' (see fulmar-app --help)");
          }
          if (file != null) {
            throw new UsageException("give at most one profile file (got '" + file + "' and '"
                + a + "')");
          }
          file = Path.of(a.startsWith("file://") ? java.net.URI.create(a).getPath() : a);
        }
      }
    }
    return new AppArgs(minimized, socket, demo, measure, file);
  }

  private static String value(List<String> args, int i, String option) throws UsageException {
    if (i >= args.size() || args.get(i).isBlank()) {
      throw new UsageException(option + " needs a value (see fulmar-app --help)");
    }
    return args.get(i);
  }
}
