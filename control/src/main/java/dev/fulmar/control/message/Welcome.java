package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The answer to {@link Hello}.
 *
 * @param version the protocol version both sides now speak
 * @param helperVersion the helper's version
 * @param peer who the helper takes the client to be, and its role
 */
public record Welcome(int version, String helperVersion, PeerInfo peer) implements Response {
  public Welcome {
    Objects.requireNonNull(helperVersion, "helperVersion");
    Objects.requireNonNull(peer, "peer");
  }
}
