package dev.fulmar.interop.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that this machine can run the lab and says exactly what is missing otherwise. Tests that
 * need the lab fail with that message; they are never skipped.
 */
public final class Prerequisites {
  static final Path PLUGIN_DIR = Path.of("/usr/lib/ipsec/plugins");

  /** Programs the lab runs, with the Debian package that provides each. */
  private static final Map<String, String> PROGRAMS = new LinkedHashMap<>();

  static {
    PROGRAMS.put("ip", "iproute2");
    PROGRAMS.put("ss", "iproute2");
    PROGRAMS.put("nsenter", "util-linux");
    PROGRAMS.put("unshare", "util-linux");
    PROGRAMS.put("findmnt", "util-linux");
    PROGRAMS.put("charon-systemd", "charon-systemd");
    PROGRAMS.put("swanctl", "strongswan-swanctl");
    PROGRAMS.put("ping", "iputils-ping");
    PROGRAMS.put("iperf3", "iperf3");
    PROGRAMS.put("tcpdump", "tcpdump");
    PROGRAMS.put("tshark", "tshark");
    PROGRAMS.put("nft", "nftables");
    PROGRAMS.put("sysctl", "procps");
  }

  /** strongSwan 5.9.8 plugins of the lab's load list that live outside libstrongswan itself. */
  private static final Map<String, String> PLUGIN_PACKAGES = Map.ofEntries(
      Map.entry("kernel-libipsec", "libcharon-extra-plugins"),
      Map.entry("eap-md5", "libcharon-extra-plugins"),
      Map.entry("eap-gtc", "libcharon-extra-plugins"),
      Map.entry("eap-tls", "libcharon-extra-plugins"),
      Map.entry("eap-identity", "libcharon-extra-plugins"),
      Map.entry("eap-mschapv2", "libcharon-extauth-plugins"),
      Map.entry("xauth-generic", "libcharon-extauth-plugins"),
      Map.entry("openssl", "libstrongswan-standard-plugins"),
      Map.entry("gcm", "libstrongswan-standard-plugins"),
      Map.entry("curve25519", "libstrongswan-extra-plugins"));

  private static volatile boolean labChecked;

  private Prerequisites() {}

  /** Throws {@link MissingPrerequisiteException} unless namespaces and strongSwan 5.9.8 work. */
  public static void requireLab() {
    if (labChecked) {
      return;
    }
    List<String> missing = missing(isRoot(), Files.exists(Path.of("/dev/net/tun")), PLUGIN_DIR,
        Prerequisites::which);
    if (!missing.isEmpty()) {
      throw new MissingPrerequisiteException(message(missing));
    }
    labChecked = true;
  }

  /**
   * Throws {@link MissingPrerequisiteException} unless the kernel has IPv6, which a dual-stack
   * lab needs (its {@code /proc/sys/net/ipv6} is missing when booted with {@code ipv6.disable=1}).
   */
  public static void requireIpv6() {
    String missing = missingIpv6(Path.of("/proc/sys/net/ipv6"));
    if (missing != null) {
      throw new MissingPrerequisiteException(missing);
    }
  }

  /** Why a dual-stack lab cannot run, or null when it can. */
  static String missingIpv6(Path procSysNetIpv6) {
    return Files.isDirectory(procSysNetIpv6) ? null
        : "A dual-stack lab cannot run on this machine: the kernel has no IPv6 ("
            + procSysNetIpv6 + " is missing; remove ipv6.disable=1 from the kernel command line)";
  }

  /** What is missing, one entry per item, each naming the Debian package that provides it. */
  static List<String> missing(boolean root, boolean tun, Path pluginDir,
      Function<String, Path> which) {
    List<String> missing = new ArrayList<>();
    if (!root) {
      missing.add("root privileges (the lab creates network namespaces and mounts)");
    }
    PROGRAMS.forEach((program, pkg) -> {
      if (which.apply(program) == null) {
        missing.add("program '" + program + "' (Debian package " + pkg + ")");
      }
    });
    if (!tun) {
      missing.add("/dev/net/tun (strongSwan's kernel-libipsec needs a TUN device)");
    }
    for (String plugin : CharonConfig.PLUGINS) {
      if (!Files.exists(pluginDir.resolve("libstrongswan-" + plugin + ".so"))) {
        missing.add("strongSwan plugin '" + plugin + "' (Debian package "
            + PLUGIN_PACKAGES.getOrDefault(plugin, "libstrongswan") + ")");
      }
    }
    return missing;
  }

  static String message(List<String> missing) {
    return "The interop lab cannot run on this machine; missing:\n  - "
        + String.join("\n  - ", missing)
        + "\nInstall the test dependencies as root with `sudo bin/install-test-deps` (or run every"
        + " test with `sudo bin/test-all`, which installs them first), e.g. `apt-get install"
        + " --no-install-recommends <package>` for a single package; run the interop tests as"
        + " root.";
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // effective uid
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** The absolute path of a program in PATH or the sbin directories, or null. */
  static Path which(String program) {
    List<String> dirs = new ArrayList<>(List.of(
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")));
    dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
    for (String dir : dirs) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
