package dev.fulmar.control;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the helper's control socket lives on each OS. All three use an {@code AF_UNIX} socket
 * (Java's {@link java.net.UnixDomainSocketAddress}; Windows 10 1803 and later support it):
 *
 * <ul>
 *   <li>Linux: {@code /run/fulmar/control.sock} (directory 0750 root:fulmar, socket 0660
 *       root:fulmar; systemd's {@code RuntimeDirectory=fulmar} creates the directory);
 *   <li>macOS: {@code /var/run/fulmar/control.sock}, same ownership and modes;
 *   <li>Windows: {@code %ProgramData%\Fulmar\control.sock}; the directory's ACL grants
 *       LocalSystem and Administrators full control and the local group {@code Fulmar Operators}
 *       (created by the MSI, installers/windows/fulmar.wxs) read and write (see
 *       docs/control-protocol.md).
 * </ul>
 *
 * <p>The environment variable {@value #ENV_OVERRIDE} overrides the path (tests, a helper run by
 * hand with {@code --socket}).
 */
public final class SocketPaths {
  /** Environment variable naming another socket path. */
  public static final String ENV_OVERRIDE = "FULMAR_SOCKET";
  /** The Linux socket. */
  public static final Path LINUX = Path.of("/run/fulmar/control.sock");
  /** The macOS socket. */
  public static final Path MACOS = Path.of("/var/run/fulmar/control.sock");
  /** The group whose members may operate the VPN on Linux and macOS. */
  public static final String UNIX_OPERATOR_GROUP = "fulmar";
  /** The local group the MSI creates for the same purpose on Windows. */
  public static final String WINDOWS_OPERATOR_GROUP = "Fulmar Operators";

  private SocketPaths() {}

  /** The socket path for this process: the override if set, else the OS default. */
  public static Path current() {
    return forOs(System.getProperty("os.name", ""), System.getenv());
  }

  /** The socket path on {@code osName} with the environment {@code env}. */
  public static Path forOs(String osName, Map<String, String> env) {
    String override = env.get(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
      return Path.of(programData, "Fulmar", "control.sock");
    }
    if (os.startsWith("mac")) {
      return MACOS;
    }
    return LINUX;
  }

  /** The group whose members may operate the VPN on this OS. */
  public static String operatorGroup() {
    return operatorGroup(System.getProperty("os.name", ""));
  }

  /**
   * The operator group on {@code osName}: {@code Fulmar Operators} on Windows (the installer's
   * local group), {@code fulmar} elsewhere (the .deb's sysusers file and the macOS package).
   */
  public static String operatorGroup(String osName) {
    return isWindows(osName) ? WINDOWS_OPERATOR_GROUP : UNIX_OPERATOR_GROUP;
  }

  /** The command an administrator runs to let {@code user} in, on {@code osName}. */
  public static String joinGroupHint(String osName, String user) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (isWindows(osName)) {
      return "net localgroup \"" + WINDOWS_OPERATOR_GROUP + "\" " + user + " /add";
    }
    if (os.startsWith("mac")) {
      return "sudo dseditgroup -o edit -a " + user + " -t user " + UNIX_OPERATOR_GROUP;
    }
    return "sudo usermod -aG " + UNIX_OPERATOR_GROUP + " " + user;
  }

  private static boolean isWindows(String osName) {
    return osName.toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /** How to start the helper on {@code osName}, for messages. */
  public static String startHint(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "start the \"Fulmar VPN helper\" service (sc start fulmard)";
    }
    if (os.startsWith("mac")) {
      return "sudo launchctl kickstart system/dev.fulmar.fulmard";
    }
    return "sudo systemctl start fulmard (or, from a source checkout, sudo bin/fulmard daemon)";
  }
}
