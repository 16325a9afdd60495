package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.unix.MalformedPeerCredentialsException;
import dev.fulmar.adapters.unix.SocketOptions;
import dev.fulmar.adapters.unix.UnixPeerCredentials;
import dev.fulmar.adapters.unix.UnixPeerCredentials.KernelPeer;
import dev.fulmar.core.spi.PeerCredentials;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;

/**
 * {@code SO_PEERCRED} for the helper's control socket, on the JDK's own {@link SocketChannel}s
 * (so the helper keeps NIO and selectors).
 *
 * <p>Two sources, cross-checked as {@link UnixPeerCredentials} describes: the JDK's {@code
 * ExtendedSocketOptions.SO_PEERCRED} gives the peer's user and group names; {@code
 * getsockopt(SOL_SOCKET, SO_PEERCRED)} through jnr-ffi on the channel's descriptor adds the pid
 * and the numeric ids. That needs {@value #ADD_EXPORTS}; without it the pid is -1.
 *
 * <p>Call {@link #identify} right after {@code accept()}, before the channel is shared: the
 * kernel recorded the credentials at {@code connect()} time.
 */
public final class LinuxPeerCredentials implements PeerCredentials {

  /** The JVM option that lets this class read a channel's file descriptor. */
  public static final String ADD_EXPORTS = UnixPeerCredentials.ADD_EXPORTS;

  private static final int SOL_SOCKET = 1;
  private static final int SO_PEERCRED = 17;
  /** {@code struct ucred { pid_t pid; uid_t uid; gid_t gid; }}: pid@0, uid@4, gid@8. */
  static final int UCRED_SIZE = 12;

  private final UnixPeerCredentials peers;

  /** Uses the descriptor when {@value #ADD_EXPORTS} is in effect. */
  public LinuxPeerCredentials() {
    this(true);
  }

  LinuxPeerCredentials(boolean useDescriptor) {
    this.peers = new UnixPeerCredentials(LinuxPeerCredentials::soPeerCred, useDescriptor);
  }

  /** True when pids are available (the JVM runs with {@value #ADD_EXPORTS}). */
  public boolean seesProcessIds() {
    return peers.seesProcessIds();
  }

  @Override
  public PeerIdentity identify(SocketChannel channel) throws IOException {
    return peers.identify(channel);
  }

  private static KernelPeer soPeerCred(int fd) throws IOException {
    return decodeUcred(SocketOptions.get(fd, SOL_SOCKET, SO_PEERCRED, UCRED_SIZE, "SO_PEERCRED"),
        ByteOrder.nativeOrder());
  }

  /**
   * Decodes the {@code struct ucred} the kernel wrote ({@code bytes} is exactly {@code optlen}
   * long, in {@code order}): pid@0, uid@4, gid@8, each 32 bits.
   */
  static KernelPeer decodeUcred(byte[] bytes, ByteOrder order)
      throws MalformedPeerCredentialsException {
    if (bytes.length != UCRED_SIZE) {
      throw new MalformedPeerCredentialsException("struct ucred",
          bytes.length + " bytes, expected " + UCRED_SIZE);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    return new KernelPeer(b.getInt(4) & 0xffffffffL, b.getInt(8) & 0xffffffffL,
        b.getInt(0) & 0xffffffffL);
  }
}
