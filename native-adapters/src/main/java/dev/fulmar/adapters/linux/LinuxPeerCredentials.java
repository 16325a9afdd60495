package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.PeerCredentials;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import jnr.ffi.Pointer;

/**
 * {@code SO_PEERCRED} for the helper's control socket, on the JDK's own {@link SocketChannel}s
 * (so the helper keeps NIO and selectors).
 *
 * <p>Two sources, cross-checked: the JDK's {@link ExtendedSocketOptions#SO_PEERCRED} gives the
 * peer's user and group names through public API; {@code getsockopt(SO_PEERCRED)} through jnr-ffi
 * on the channel's descriptor adds the pid and the numeric ids. The JDK does not expose the
 * descriptor, so it is read with {@code sun.nio.ch.SelChImpl.getFDVal()}, a public method of a
 * JDK-internal interface: that needs {@value #ADD_EXPORTS} on the helper's command line. Without
 * the flag, identities come from the JDK option alone and the pid is -1. If the two sources ever
 * disagree (the descriptor was closed and reused under us), the call fails.
 *
 * <p>Call {@link #identify} right after {@code accept()}, before the channel is shared: the
 * kernel recorded the credentials at {@code connect()} time.
 */
public final class LinuxPeerCredentials implements PeerCredentials {

  /** The JVM option that lets this class read a channel's file descriptor. */
  public static final String ADD_EXPORTS = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";

  private static final int SOL_SOCKET = 1;
  private static final int SO_PEERCRED = 17;
  private static final int UCRED_SIZE = 12; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }

  private final Method getFdVal;

  /** Uses the descriptor when {@value #ADD_EXPORTS} is in effect. */
  public LinuxPeerCredentials() {
    this(true);
  }

  LinuxPeerCredentials(boolean useDescriptor) {
    this.getFdVal = useDescriptor ? fdAccessor() : null;
  }

  /** True when pids are available (the JVM runs with {@value #ADD_EXPORTS}). */
  public boolean seesProcessIds() {
    return getFdVal != null;
  }

  @Override
  public PeerIdentity identify(SocketChannel channel) throws IOException {
    if (!(channel.getLocalAddress() instanceof UnixDomainSocketAddress)) {
      throw new IOException("not a Unix domain socket: " + channel.getLocalAddress());
    }
    UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
    String user = principal.user().getName();
    long uid;
    long gid;
    long pid = -1;
    if (getFdVal != null) {
      Pointer cred = peerCred(fd(channel));
      pid = cred.getInt(0) & 0xffffffffL;
      uid = cred.getInt(4) & 0xffffffffL;
      gid = cred.getInt(8) & 0xffffffffL;
      String expected = Accounts.userName(uid).orElse(Long.toString(uid));
      if (!expected.equals(user)) {
        throw new IOException("peer credentials disagree (" + expected + " vs " + user
            + "): the descriptor changed under the call");
      }
    } else {
      uid = idOf(user, Accounts.userId(user), "user");
      gid = idOf(principal.group().getName(),
          Accounts.groupId(principal.group().getName()), "group");
    }
    Optional<String> name = Accounts.userName(uid);
    Set<Long> groups = name.map(n -> Accounts.groupsOf(n, gid)).orElse(Set.of(gid));
    Set<String> groupNames = new LinkedHashSet<>();
    for (long g : groups) {
      Accounts.groupName(g).ifPresent(groupNames::add);
    }
    return new PeerIdentity(uid, gid, pid, name, groups, groupNames);
  }

  private static Pointer peerCred(int fd) throws IOException {
    Pointer cred = Native.allocate(UCRED_SIZE);
    Pointer len = Native.allocate(4);
    len.putInt(0, UCRED_SIZE);
    if (LIBC.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, cred, len) != 0) {
      throw Native.error("getsockopt(SO_PEERCRED)", Native.errno());
    }
    return cred;
  }

  /** An id from a name the JDK gave: a name from the database, or the number itself. */
  private static long idOf(String name, OptionalLong fromDatabase, String what)
      throws IOException {
    if (fromDatabase.isPresent()) {
      return fromDatabase.getAsLong();
    }
    if (name.matches("[0-9]{1,10}")) {
      return Long.parseLong(name);
    }
    throw new IOException("peer " + what + " '" + name + "' has no id in the account database");
  }

  private int fd(SocketChannel channel) throws IOException {
    try {
      return (int) getFdVal.invoke(channel);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException("cannot read the socket's descriptor; start the JVM with "
          + ADD_EXPORTS, e);
    }
  }

  private static Method fdAccessor() {
    try {
      Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
      if (!Object.class.getModule().isExported("sun.nio.ch", LinuxPeerCredentials.class
          .getModule())) {
        return null;
      }
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
