package dev.fulmar.adapters.unix;

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

/**
 * What Linux's and macOS's peer identification share: two sources, cross-checked, then the
 * account database.
 *
 * <ol>
 *   <li>The JDK's {@link ExtendedSocketOptions#SO_PEERCRED} (public API on both systems: Linux
 *       {@code SO_PEERCRED}, macOS {@code getpeereid}) gives the peer's user and group names.
 *   <li>The OS-specific {@link KernelQuery} on the channel's descriptor gives the numeric ids and
 *       the pid. The JDK does not expose the descriptor, so it is read with {@code
 *       sun.nio.ch.SelChImpl.getFDVal()}, a public method of a JDK-internal interface: that needs
 *       {@value #ADD_EXPORTS} on the command line. Without the flag, identities come from the JDK
 *       option alone and the pid is -1.
 *   <li>If the two sources disagree on the user or the group (the descriptor was closed and
 *       reused under us), the call fails.
 *   <li>The groups are {@code gid} plus the account's supplementary groups from the account
 *       database ({@link Accounts#groupsOf}), so a membership change counts at the next connect.
 * </ol>
 */
public final class UnixPeerCredentials implements PeerCredentials {

  /** The JVM option that lets this class read a channel's file descriptor. */
  public static final String ADD_EXPORTS = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";

  /** The peer as the kernel records it for a connected socket. */
  public record KernelPeer(long uid, long gid, long pid) {}

  /** The OS-specific read of the peer's credentials on a socket descriptor. */
  @FunctionalInterface
  public interface KernelQuery {
    /** The peer of the connected Unix domain socket {@code fd}. */
    KernelPeer read(int fd) throws IOException;
  }

  private final KernelQuery query;
  private final Method getFdVal;

  /**
   * @param query how this OS reads the peer on a descriptor
   * @param useDescriptor false to rely on the JDK option alone (tests of that path)
   */
  public UnixPeerCredentials(KernelQuery query, boolean useDescriptor) {
    this.query = query;
    this.getFdVal = useDescriptor ? fdAccessor() : null;
  }

  /** True when the descriptor, and so the pid, is available ({@value #ADD_EXPORTS}). */
  public boolean seesProcessIds() {
    return getFdVal != null;
  }

  @Override
  public PeerIdentity identify(SocketChannel channel) throws IOException {
    if (!(channel.getLocalAddress() instanceof UnixDomainSocketAddress)) {
      throw new IOException("not a Unix domain socket: " + channel.getLocalAddress());
    }
    UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
    KernelPeer peer = getFdVal != null
        ? crossChecked(query.read(fd(channel)), principal)
        : fromPrincipal(principal);
    return withGroups(peer);
  }

  /**
   * The kernel's record, if the JDK's names agree with it. For an id without a database entry the
   * JDK names it by its number as a signed {@code int} (uid 4294967294 is "-2"), so both
   * spellings count.
   */
  static KernelPeer crossChecked(KernelPeer peer, UnixDomainPrincipal principal)
      throws IOException {
    String user = principal.user().getName();
    String group = principal.group().getName();
    if (!names(peer.uid(), Accounts.userName(peer.uid())).contains(user)
        || !names(peer.gid(), Accounts.groupName(peer.gid())).contains(group)) {
      throw new IOException("peer credentials disagree (uid " + peer.uid() + " gid " + peer.gid()
          + " vs " + user + ":" + group + "): the descriptor changed under the call");
    }
    return peer;
  }

  private static Set<String> names(long id, Optional<String> fromDatabase) {
    return fromDatabase.map(Set::of).orElseGet(() -> id > Integer.MAX_VALUE
        ? Set.of(Long.toString(id), Integer.toString((int) id))
        : Set.of(Long.toString(id)));
  }

  /** The ids behind the JDK's names, without a pid. */
  static KernelPeer fromPrincipal(UnixDomainPrincipal principal) throws IOException {
    String user = principal.user().getName();
    String group = principal.group().getName();
    return new KernelPeer(idOf(user, Accounts.userId(user), "user"),
        idOf(group, Accounts.groupId(group), "group"), -1);
  }

  private static PeerIdentity withGroups(KernelPeer peer) {
    Optional<String> name = Accounts.userName(peer.uid());
    Set<Long> groups = name.map(n -> Accounts.groupsOf(n, peer.gid()))
        .orElse(Set.of(peer.gid()));
    Set<String> groupNames = new LinkedHashSet<>();
    for (long g : groups) {
      Accounts.groupName(g).ifPresent(groupNames::add);
    }
    return new PeerIdentity(peer.uid(), peer.gid(), peer.pid(), name, groups, groupNames);
  }

  /** An id from a name the JDK gave: a name from the database, or the number itself. */
  private static long idOf(String name, OptionalLong fromDatabase, String what)
      throws IOException {
    if (fromDatabase.isPresent()) {
      return fromDatabase.getAsLong();
    }
    if (name.matches("-?[0-9]{1,10}")) {
      long id = Long.parseLong(name);
      if (id >= Integer.MIN_VALUE && id <= 0xffffffffL) {
        return id & 0xffffffffL;
      }
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
      if (!Object.class.getModule().isExported("sun.nio.ch",
          UnixPeerCredentials.class.getModule())) {
        return null;
      }
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
