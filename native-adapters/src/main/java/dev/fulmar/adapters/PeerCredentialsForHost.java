package dev.fulmar.adapters;

import dev.fulmar.adapters.linux.LinuxPeerCredentials;
import dev.fulmar.adapters.macos.MacPeerCredentials;
import dev.fulmar.core.spi.PeerCredentials;
import java.util.Locale;

/**
 * Picks the control socket's peer identification for an operating system, by the JVM's {@code
 * os.name}: Linux {@code SO_PEERCRED}, macOS {@code LOCAL_PEERCRED}. Everything else is refused
 * rather than served without identification, because the helper authorizes every request on the
 * peer's identity.
 *
 * <p>Windows is refused until it is implemented as {@code docs/control-protocol.md} specifies:
 * {@code WSAIoctl(SIO_AF_UNIX_GETPEERPID)} for the client's pid, {@code OpenProcess} and {@code
 * OpenProcessToken} on it (refusing the client if the process has already exited), then {@code
 * GetTokenInformation(TokenUser, TokenGroups)} for the user SID and group SIDs, checked for
 * membership in {@code Fulmar Operators} or Administrators. {@code PeerIdentity} carries POSIX ids
 * and would need SIDs for that.
 */
public final class PeerCredentialsForHost {
  private PeerCredentialsForHost() {}

  /** For the OS this JVM runs on. */
  public static PeerCredentials forThisHost() {
    return forOs(System.getProperty("os.name", ""));
  }

  /**
   * For the OS named {@code osName} (a value of the {@code os.name} property).
   *
   * @throws UnsupportedOperationException on Windows and on any OS other than Linux and macOS,
   *     naming it
   */
  public static PeerCredentials forOs(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      return new LinuxPeerCredentials();
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return new MacPeerCredentials();
    }
    if (os.startsWith("windows")) {
      throw new UnsupportedOperationException("identifying control-socket peers on " + osName
          + " is not implemented yet (it needs SIO_AF_UNIX_GETPEERPID and the client's process"
          + " token; see docs/control-protocol.md), so the helper does not serve the socket there");
    }
    throw new UnsupportedOperationException("no way to identify control-socket peers on '"
        + osName + "': only Linux (SO_PEERCRED) and macOS (LOCAL_PEERCRED) are supported");
  }
}
