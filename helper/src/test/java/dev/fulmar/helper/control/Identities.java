package dev.fulmar.helper.control;

import dev.fulmar.core.spi.PeerIdentity;
import java.util.Optional;
import java.util.Set;

/** Peer identities as the OS would report them, for authorization tests. */
final class Identities {
  static final PeerIdentity ROOT = new PeerIdentity(0, 0, 100, Optional.of("root"), Set.of(0L),
      Set.of("root"));
  static final PeerIdentity ALICE = new PeerIdentity(1000, 1000, 101, Optional.of("alice"),
      Set.of(1000L, 990L), Set.of("alice", "fulmar"));
  static final PeerIdentity DAVE = new PeerIdentity(1002, 1002, 103, Optional.of("dave"),
      Set.of(1002L, 990L), Set.of("dave", "fulmar"));
  static final PeerIdentity BOB = new PeerIdentity(1001, 1001, 102, Optional.of("bob"),
      Set.of(1001L), Set.of("bob"));
  static final PeerIdentity CAROL = new PeerIdentity(1003, 1003, 104, Optional.of("carol"),
      Set.of(1003L, 991L), Set.of("carol", "vpnadmins"));

  private Identities() {}
}
