package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks of DNS names, MTU, trusted networks, appearance and diagnostics. */
final class NetworkChecks {
  private NetworkChecks() {}

  static void check(Profile p, List<Problem> out) {
    domains("dns.splitDomains", p.dns().splitDomains(), out);
    domains("dns.searchDomains", p.dns().searchDomains(), out);
    domains("trustedNetworks.dnsSuffixes", p.trustedNetworks().dnsSuffixes(), out);
    List<String> ssids = p.trustedNetworks().ssids();
    for (int i = 0; i < ssids.size(); i++) {
      int len = ssids.get(i).getBytes(StandardCharsets.UTF_8).length;
      if (len < 1 || len > 32) {
        out.add(
            Problem.error(
                "trustedNetworks.ssids[" + i + "]", "a Wi-Fi name (SSID) has 1 to 32 bytes"));
      }
    }
    Integer mtu = p.transport().mtu();
    if (mtu != null && (mtu < 576 || mtu > 9000)) {
      out.add(Problem.error("transport.mtu", mtu + " is out of range (576 to 9000)"));
    } else if (mtu != null && mtu < 1280) {
      out.add(
          Problem.warning("transport.mtu", mtu + " is below 1280, so IPv6 cannot use the tunnel"));
    }
    String colour = p.appearance().colour();
    if (colour != null && !colour.matches("#[0-9A-Fa-f]{6}")) {
      out.add(Problem.error("appearance.colour", "'" + colour + "' is not a colour like #1E88E5"));
    }
    String icon = p.appearance().icon();
    if (icon != null && !icon.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      out.add(
          Problem.error(
              "appearance.icon",
              "'" + icon + "' is not an icon name (lower-case letters, digits, '-')"));
    }
    String keyLog = p.diagnostics().keyLogPath();
    if (keyLog != null) {
      if (!isAbsolutePath(keyLog)) {
        out.add(Problem.error("diagnostics.keyLog", "'" + keyLog + "' must be an absolute path"));
      }
      out.add(
          Problem.warning(
              "diagnostics.keyLog",
              "writes the SA keys to "
                  + keyLog
                  + ": anyone who can read that file can decrypt captured VPN traffic"));
    }
  }

  /** Absolute on Unix ({@code /...}) or Windows ({@code C:\...}, {@code \\server\...}); no NUL. */
  static boolean isAbsolutePath(String path) {
    if (path.indexOf('\0') >= 0) {
      return false;
    }
    return path.startsWith("/") || path.startsWith("\\\\") || path.matches("[A-Za-z]:[\\\\/].*");
  }

  private static void domains(String path, List<String> names, List<Problem> out) {
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String bare = n.startsWith(".") ? n.substring(1) : n;
      if (!HostNames.isDnsName(bare)) {
        out.add(Problem.error(path + "[" + i + "]", "'" + n + "' is not a valid domain name"));
      }
    }
  }
}
