package dev.fulmar.app.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The XDG autostart entry ({@code ~/.config/autostart/dev.fulmar.app.desktop}) that desktop
 * environments on Linux start at login (XDG Autostart Specification; Exec quoting per the Desktop
 * Entry Specification).
 */
final class XdgAutostart extends FileAutostart {
  static final String FILE_NAME = "dev.fulmar.app.desktop";

  XdgAutostart(Path autostartDir, List<String> command) {
    super(autostartDir.resolve(FILE_NAME), command);
  }

  @Override
  String content() {
    return entry();
  }

  String entry() {
    return "[Desktop Entry]\n"
        + "Type=Application\n"
        + "Name=Fulmar VPN\n"
        + "Comment=Fulmar VPN in the system tray\n"
        + "Exec=" + exec(command) + "\n"
        + "Icon=dev.fulmar.app\n"
        + "Terminal=false\n"
        + "Categories=Network;\n"
        + "X-GNOME-Autostart-enabled=true\n";
  }

  /**
   * The Exec value: each argument quoted when it holds a reserved character, {@code "`$\}
   * escaped inside quotes, {@code %} doubled, then the string-value escaping of backslashes.
   */
  static String exec(List<String> args) {
    return args.stream().map(XdgAutostart::quoteArg).map(a -> a.replace("\\", "\\\\"))
        .collect(Collectors.joining(" "));
  }

  private static String quoteArg(String arg) {
    String a = arg.replace("%", "%%");
    boolean reserved = a.isEmpty() || a.chars().anyMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0);
    if (!reserved) {
      return a;
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : a.toCharArray()) {
      if (c == '"' || c == '`' || c == '$' || c == '\\') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.append('"').toString();
  }
}
