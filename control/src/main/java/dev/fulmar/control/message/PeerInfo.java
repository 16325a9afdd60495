package dev.fulmar.control.message;

import java.util.Objects;

/**
 * Who the helper takes the client to be, from the OS credentials of the socket peer.
 *
 * @param uid the peer's user id
 * @param user the account name, or the uid as text when the account database has none
 * @param role what the peer may do
 */
public record PeerInfo(long uid, String user, Role role) {
  public PeerInfo {
    Objects.requireNonNull(user, "peer.user");
    Objects.requireNonNull(role, "peer.role");
  }
}
