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
 *       LocalSystem and Administrators full control and the local group {@code fulmar} read and
 *       write (see docs/control-protocol.md).
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
  /** The group whose members may operate the VPN. */
  public static final String OPERATOR_GROUP = "fulmar";

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
