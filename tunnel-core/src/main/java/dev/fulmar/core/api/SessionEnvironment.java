package dev.fulmar.core.api;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything nondeterministic a session uses, in one place (STYLE #5): its event loop and timers,
 * the wall clock (certificate validity), randomness (SPIs, nonces, key exchange, IVs), UDP
 * sockets and name resolution. {@link #system()} is the real thing; tests build one with a manual
 * loop, a deterministic random and an in-memory network.
 */
public final class SessionEnvironment {
  private final SessionLoop.Factory loops;
  private final IkeSocket.Factory sockets;
  private final GatewayResolver resolver;
  private final SecureRandom random;
  private final Clock wallClock;

  private SessionEnvironment(Builder b) {
    this.loops = Objects.requireNonNull(b.loops, "loops");
    this.sockets = Objects.requireNonNull(b.sockets, "sockets");
    this.resolver = Objects.requireNonNull(b.resolver, "resolver");
    this.random = Objects.requireNonNull(b.random, "random");
    this.wallClock = Objects.requireNonNull(b.wallClock, "wallClock");
  }

  /** Threads, DatagramChannel sockets, system DNS, a fresh SecureRandom and the UTC clock. */
  public static SessionEnvironment system() {
    return builder().build();
  }

  /** A builder preset with the system implementations; replace what a test needs to control. */
  public static Builder builder() {
    return new Builder();
  }

  public SessionLoop.Factory loops() {
    return loops;
  }

  public IkeSocket.Factory sockets() {
    return sockets;
  }

  public GatewayResolver resolver() {
    return resolver;
  }

  public SecureRandom random() {
    return random;
  }

  public Clock wallClock() {
    return wallClock;
  }

  /** Builds a {@link SessionEnvironment}. */
  public static final class Builder {
    private SessionLoop.Factory loops = ThreadSessionLoop::new;
    private IkeSocket.Factory sockets = new DatagramChannelSockets();
    private GatewayResolver resolver = host -> List.of(InetAddress.getAllByName(host));
    private SecureRandom random = new SecureRandom();
    private Clock wallClock = Clock.systemUTC();

    private Builder() {}

    public Builder loops(SessionLoop.Factory loops) {
      this.loops = loops;
      return this;
    }

    public Builder sockets(IkeSocket.Factory sockets) {
      this.sockets = sockets;
      return this;
    }

    public Builder resolver(GatewayResolver resolver) {
      this.resolver = resolver;
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    public Builder wallClock(Clock wallClock) {
      this.wallClock = wallClock;
      return this;
    }

    public SessionEnvironment build() {
      return new SessionEnvironment(this);
    }
  }
}
