package dev.fulmar.adapters.macos;

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
 * {@code LOCAL_PEERCRED} for the helper's control socket on macOS, on the JDK's own {@link
 * SocketChannel}s.
 *
 * <p>On the channel's descriptor, through jnr-ffi ({@code <sys/un.h>}: {@code SOL_LOCAL} = 0):
 *
 * <ul>
 *   <li>{@code getsockopt(fd, SOL_LOCAL, LOCAL_PEERCRED = 0x001, &xucred, &len)}: the effective
 *       uid and gid the client had at {@code connect()} ({@link Xucred}: 76 bytes, version 0);
 *   <li>{@code getsockopt(fd, SOL_LOCAL, LOCAL_PEERPID = 0x002, &pid, &len)}: a 4-byte {@code
 *       pid_t}. The kernel answers with the pid that last used the peer's socket, which is the
 *       client for a fresh connection; it is only logged, never authorized on.
 * </ul>
 *
 * <p>The uid and gid are cross-checked with the JDK's {@code ExtendedSocketOptions.SO_PEERCRED}
 * (which the JDK implements on macOS with {@code getpeereid}); groups come from the account
 * database (Open Directory through {@code getgrouplist}), like on Linux, rather than from the
 * kernel's {@code cr_groups}, which stop at 16. See {@link UnixPeerCredentials}. Like the Linux
 * class this needs {@value #ADD_EXPORTS}; without it the pid is -1.
 *
 * <p>Tested only in part: the decoding ({@link Xucred}, {@link #decodePid}) and the path from
 * decoded bytes through the cross-check run in unit tests on Linux; the two {@code getsockopt}
 * calls themselves run only on macOS, and no macOS machine runs this project's tests yet.
 */
public final class MacPeerCredentials implements PeerCredentials {

  /** The JVM option that lets this class read a channel's file descriptor. */
  public static final String ADD_EXPORTS = UnixPeerCredentials.ADD_EXPORTS;

  static final int SOL_LOCAL = 0;
  static final int LOCAL_PEERCRED = 0x001;
  static final int LOCAL_PEERPID = 0x002;
  static final int PID_SIZE = 4;

  private final UnixPeerCredentials peers;

  /** Uses the descriptor when {@value #ADD_EXPORTS} is in effect. */
  public MacPeerCredentials() {
    this(true);
  }

  MacPeerCredentials(boolean useDescriptor) {
    this.peers = new UnixPeerCredentials(MacPeerCredentials::localPeerCred, useDescriptor);
  }

  /** True when pids are available (the JVM runs with {@value #ADD_EXPORTS}). */
  public boolean seesProcessIds() {
    return peers.seesProcessIds();
  }

  /** Call right after {@code accept()}: the kernel recorded the credentials at connect time. */
  @Override
  public PeerIdentity identify(SocketChannel channel) throws IOException {
    return peers.identify(channel);
  }

  private static KernelPeer localPeerCred(int fd) throws IOException {
    byte[] cred = SocketOptions.get(fd, SOL_LOCAL, LOCAL_PEERCRED, Xucred.SIZE, "LOCAL_PEERCRED");
    byte[] pid = SocketOptions.get(fd, SOL_LOCAL, LOCAL_PEERPID, PID_SIZE, "LOCAL_PEERPID");
    return fromKernel(cred, pid, ByteOrder.nativeOrder());
  }

  /** The peer from the two answers' bytes. */
  static KernelPeer fromKernel(byte[] xucred, byte[] pid, ByteOrder order)
      throws MalformedPeerCredentialsException {
    Xucred cred = Xucred.decode(xucred, order);
    return new KernelPeer(cred.uid(), cred.gid(), decodePid(pid, order));
  }

  /** The {@code pid_t} of {@code LOCAL_PEERPID}: 4 bytes, positive. */
  static long decodePid(byte[] bytes, ByteOrder order) throws MalformedPeerCredentialsException {
    if (bytes.length != PID_SIZE) {
      throw new MalformedPeerCredentialsException("pid_t",
          bytes.length + " bytes, expected " + PID_SIZE);
    }
    int pid = ByteBuffer.wrap(bytes).order(order).getInt();
    if (pid <= 0) {
      throw new MalformedPeerCredentialsException("pid_t", "pid " + pid + " is not a process");
    }
    return pid;
  }
}
