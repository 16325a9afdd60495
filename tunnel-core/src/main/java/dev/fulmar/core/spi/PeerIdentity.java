package dev.fulmar.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is on the other end of a local control-socket connection, as the OS vouches for it (Linux
 * {@code SO_PEERCRED}; macOS {@code LOCAL_PEERCRED}): the helper authorizes each request on it.
 *
 * @param uid the peer's effective user id when it connected
 * @param gid the peer's effective group id when it connected
 * @param pid the peer's process id, or -1 where the OS does not tell
 * @param userName the account name of {@code uid}, empty if the account database has none
 * @param groupIds {@code gid} and the supplementary groups of the account (group database)
 * @param groupNames the names of {@code groupIds}, where the group database has them
 */
public record PeerIdentity(
    long uid,
    long gid,
    long pid,
    Optional<String> userName,
    Set<Long> groupIds,
    Set<String> groupNames) {

  /** Copies the sets. */
  public PeerIdentity {
    Objects.requireNonNull(userName, "userName");
    groupIds = Set.copyOf(groupIds);
    groupNames = Set.copyOf(groupNames);
  }

  /** True for the superuser. */
  public boolean isRoot() {
    return uid == 0;
  }

  /** True when the account belongs to the group named {@code group}. */
  public boolean isMemberOf(String group) {
    return groupNames.contains(group);
  }
}
