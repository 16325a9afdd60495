package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Creates the IKE sessions of one tunnel, one per attempt, all on the tunnel's device and shared
 * NAT-T socket, and reports their outcome to the {@link Supervisor} tagged with the attempt's
 * generation. The session's CHILD SAs go into the tunnel's SA table; a failed or abandoned
 * session removes its own, so the new CHILD SA replaces the old one in the data path.
 */
final class TunnelSessions {
  private final IkeSessionParams params;
  private final TunnelParts parts;
  private final TunnelSystem system;
  private final Tunnel.Listener listener;
  private final Supplier<Supervisor> supervisor;
  private volatile Handle latest;

  TunnelSessions(IkeSessionParams params, TunnelParts parts, TunnelSystem system,
      Tunnel.Listener listener, Supplier<Supervisor> supervisor) {
    this.params = params;
    this.parts = parts;
    this.system = system;
    this.listener = listener;
    this.supervisor = supervisor;
  }

  /**
   * Opens the kill switch for {@code gateway}, moves the host route to it, and starts session
   * {@code generation}.
   *
   * @throws TunnelException when there is no way to the gateway outside the tunnel
   */
  Handle open(long generation, InetAddress gateway, Optional<InetAddress> redirectedFrom)
      throws TunnelException {
    system.allowGateway(gateway);
    InetSocketAddress source = system.routeTo(gateway);
    parts.natT.setSource(source);
    listener.onState(TunnelState.CONNECTING, "to " + gateway.getHostAddress() + " from "
        + source.getAddress().getHostAddress() + " on " + parts.tun.name()
        + (generation > 1 ? " (session " + generation + ")" : "")
        + redirectedFrom.map(f -> ", redirected by " + f.getHostAddress()).orElse(""));
    SessionEnvironment env = SessionEnvironment.builder()
        .sockets(parts.natT)
        .resolver(host -> List.of(gateway))
        .build();
    Supervisor sup = supervisor.get();
    IkeSession s = IkeSession.create(params, env, new Events(generation, sup));
    Handle h = new Handle(s);
    latest = h;
    s.connect().whenComplete((info, error) -> {
      if (error == null) {
        sup.sessionUp(generation, info);
      } else {
        sup.sessionLost(generation, failureOf(error));
      }
    });
    return h;
  }

  /** The last session started, if any (for a delete when the supervisor did not answer). */
  Optional<IkeSession> latest() {
    Handle h = latest;
    return h == null ? Optional.empty() : Optional.of(h.session());
  }

  /** Abandons the last session if it still runs. */
  void abandonAll() {
    Handle h = latest;
    if (h != null) {
      h.abandon();
    }
  }

  static IkeFailure failureOf(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof IkeSessionException ise) {
      return ise.failure();
    }
    return IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.INTERNAL_ERROR, "detail",
        e.toString());
  }

  /** A session as the supervisor drives it. */
  static final class Handle implements Supervisor.Session {
    private final IkeSession session;

    Handle(IkeSession session) {
      this.session = session;
    }

    IkeSession session() {
      return session;
    }

    @Override
    public boolean mobike() {
      return false;
    }

    @Override
    public void addressChanged() {
      // without MOBIKE the supervisor replaces the session instead
    }

    @Override
    public void checkLiveness() {
      // dead-peer detection finds out within its interval
    }

    @Override
    public void abandon() {
      if (!session.state().isFinal()) {
        session.close();
      }
    }
  }

  /** One session's events, tagged with its generation. */
  private static final class Events implements IkeSessionListener {
    private final long generation;
    private final Supervisor supervisor;

    Events(long generation, Supervisor supervisor) {
      this.generation = generation;
      this.supervisor = supervisor;
    }

    @Override
    public void onFailed(IkeFailure failure) {
      supervisor.sessionLost(generation, failure);
    }

    @Override
    public void onClosed(boolean byGateway) {
      if (byGateway) {
        supervisor.sessionLost(generation,
            IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.PEER_DELETED));
      }
    }
  }
}
