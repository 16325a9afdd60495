package dev.fulmar.core.ike.auth;

import dev.fulmar.core.api.IkeIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the gateway must prove to be: the profile's remote id if it sets one, otherwise the host
 * the profile connects to (a DNS name or an IP literal, as the user typed it).
 *
 * @param remoteId the profile's remote identity, or {@code null}
 * @param host the gateway host of the profile
 */
public record ExpectedGateway(IkeIdentity remoteId, String host) {

  /** Checks that {@code host} is given. */
  public ExpectedGateway {
    Objects.requireNonNull(host, "host");
  }

  /** The remote id, if the profile sets one. */
  public Optional<IkeIdentity> remoteIdentity() {
    return Optional.ofNullable(remoteId);
  }
}
