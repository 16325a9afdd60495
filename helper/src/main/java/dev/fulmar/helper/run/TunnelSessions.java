package dev.fulmar.helper.run;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the IKE sessions of one tunnel, one per attempt, all on the tunnel's device and shared
 * NAT-T socket, and reports their outcome to the {@link Supervisor} tagged with the attempt's
 * generation. Each session asks for the virtual addresses the last one had (so routes and the
 * kill switch stay valid if the gateway agrees) and counts the data path's inbound packets as
 * signs of life (dead-peer detection only asks when nothing came). The session's CHILD SAs go
 * into the tunnel's SA table; a failed or abandoned session removes its own, so the new CHILD SA
 * replaces the old one in the data path.
 *
 * <p>The session's gateway resolver is where a redirect during connect (RFC 5685) reaches the
 * system before the first packet to the new gateway: its address is let through the kill switch
 * and routed around the tunnel.
 */
final class TunnelSessions {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelSessions.class);

  private final IkeSessionParams.Builder params;
  private final List<GatewayCandidate> candidates;
  private volatile GatewayCandidate lastCandidate;
  private final TunnelParts parts;
  private final TunnelSystem system;
  private final Tunnel.Listener listener;
  private final Supplier<Supervisor> supervisor;
  private final Supplier<SessionInfo> last;
  private volatile Handle latest;

  /**
   * @param params the profile's parameters, set per session and built for each
   * @param last what the last established session negotiated, or null
   */
  TunnelSessions(IkeSessionParams.Builder params, List<GatewayCandidate> candidates,
      TunnelParts parts,
      TunnelSystem system, Tunnel.Listener listener, Supplier<Supervisor> supervisor,
      Supplier<SessionInfo> last) {
    this.params = params;
    this.candidates = List.copyOf(candidates);
    this.lastCandidate = candidates.get(0);
    this.parts = parts;
    this.system = system;
    this.listener = listener;
    this.supervisor = supervisor;
    this.last = last;
  }

  /**
   * Opens the kill switch for {@code gateway}, moves the host route to it, and starts session
   * {@code generation}.
   *
   * @throws TunnelException when there is no way to the gateway outside the tunnel, or the
   *     parameters are refused
   */
  Handle open(long generation, InetAddress gateway, Optional<InetAddress> redirectedFrom)
      throws TunnelException {
    system.allowGateway(gateway);
    InetSocketAddress source = system.routeTo(gateway);
    parts.natT.setSource(source);
    GatewayCandidate c = candidateFor(gateway);
    IkeSessionParams p = paramsFor(c, redirectedFrom);
    listener.onState(TunnelState.CONNECTING, "to " + (gateway.equals(c.address()) ? c.label()
        : AddressText.of(gateway)) + " from "
        + AddressText.of(source.getAddress()) + " on " + parts.tun.name()
        + (generation > 1 ? " (session " + generation + ")" : "")
        + redirectedFrom.map(f -> ", redirected by " + AddressText.of(f)).orElse(""));
    SessionEnvironment env = SessionEnvironment.builder()
        .sockets(parts.natT)
        .resolver(host -> resolve(host, c.host(), gateway))
        .build();
    Supervisor sup = supervisor.get();
    Handle h = new Handle(p.mobike());
    h.session = IkeSession.create(p, env, new Events(generation, sup, h));
    latest = h;
    h.session.connect().whenComplete((info, error) -> {
      if (error == null) {
        h.info = info;
        sup.sessionUp(generation, info);
      } else {
        sup.sessionLost(generation, failureOf(error));
      }
    });
    return h;
  }

  /**
   * The profile's gateway that {@code address} belongs to; a redirect's target belongs to the
   * gateway that redirected us there.
   */
  private GatewayCandidate candidateFor(InetAddress address) {
    for (GatewayCandidate c : candidates) {
      if (address.equals(c.address())) {
        lastCandidate = c;
        return c;
      }
    }
    return lastCandidate;
  }

  private IkeSessionParams paramsFor(GatewayCandidate gateway,
      Optional<InetAddress> redirectedFrom) throws TunnelException {
    SessionInfo before = last.get();
    synchronized (params) {
      params.gateway(gateway.host(), gateway.port())
          .redirectedFrom(redirectedFrom.orElse(null))
          .requestedAddresses(before == null ? List.of() : before.virtualAddresses())
          .inboundActivity(parts::inboundPackets);
      try {
        return params.build();
      } catch (IkeSessionException e) {
        throw TunnelException.of(e.failure());
      }
    }
  }

  /**
   * The session's gateway ({@code sessionHost}) is where the supervisor sends this session; any
   * other name is a redirect's target, which must pass the kill switch and avoid the tunnel
   * before it is used.
   */
  private List<InetAddress> resolve(String host, String sessionHost, InetAddress target)
      throws UnknownHostException {
    if (host.equals(sessionHost)) {
      return List.of(target);
    }
    List<InetAddress> all = List.of(InetAddress.getAllByName(host));
    try {
      system.allowGateway(all.get(0));
      parts.natT.setSource(system.routeTo(all.get(0)));
    } catch (TunnelException e) {
      throw new UnknownHostException("redirected to " + host + ", which cannot be reached: "
          + e.getMessage());
    }
    LOG.info("following the redirect to {} ({})", host, AddressText.of(all.get(0)));
    return all;
  }

  /** The last session started, if any (for a delete when the supervisor did not answer). */
  Optional<IkeSession> latest() {
    Handle h = latest;
    return h == null ? Optional.empty() : Optional.of(h.session);
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
  final class Handle implements SupervisedSession {
    private final boolean offeredMobike;
    private volatile IkeSession session;
    private volatile SessionInfo info;

    Handle(boolean offeredMobike) {
      this.offeredMobike = offeredMobike;
    }

    IkeSession session() {
      return session;
    }

    /**
     * Whether the session may follow a new local address: MOBIKE was negotiated, or at least
     * offered. Only the engine knows for certain whether the gateway agreed; a session that
     * cannot move answers {@link #addressChanged()} by failing with the retryable {@code
     * NETWORK_CHANGED} (its {@link IkeSession#localAddressChanged} contract), and the supervisor
     * replaces it at once.
     */
    @Override
    public boolean mobike() {
      SessionInfo i = info;
      return i != null && (i.mobike() || offeredMobike);
    }

    @Override
    public void addressChanged() {
      InetAddress now = parts.natT.source().getAddress();
      session.localAddressChanged(now).whenComplete((moved, e) -> LOG.info(
          "MOBIKE update to {}: {}", AddressText.of(now),
          Boolean.TRUE.equals(moved) ? "confirmed by the gateway" : "failed"));
    }

    @Override
    public void checkLiveness() {
      session.checkLiveness();
    }

    @Override
    public void answerNextCheckWithin(java.time.Duration within) {
      session.answerNextCheckWithin(within);
    }

    @Override
    public void abandon() {
      IkeSession s = session;
      if (s != null && !s.state().isFinal()) {
        s.close();
      }
    }
  }

  /** One session's events, tagged with its generation. */
  private final class Events implements IkeSessionListener {
    private final long generation;
    private final Supervisor supervisor;
    private final Handle handle;

    Events(long generation, Supervisor supervisor, Handle handle) {
      this.generation = generation;
      this.supervisor = supervisor;
      this.handle = handle;
    }

    @Override
    public void onStateChanged(SessionState state) {
      if (state == SessionState.AUTHENTICATING) { // IKE_SA_INIT was answered
        supervisor.answered(generation);
      }
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

    @Override
    public void onChildSaRekeyed(ChildSaInfo previous, ChildSaInfo current) {
      LOG.info("CHILD SA rekeyed: SPIs {}/{} replace {}/{} ({})",
          hex(current.inboundSpi()), hex(current.outboundSpi()), hex(previous.inboundSpi()),
          hex(previous.outboundSpi()), current.algorithms());
    }

    @Override
    public void onIkeSaRekeyed(long spiInitiator, long spiResponder,
        List<dev.fulmar.core.api.Algorithm> keyExchanges) {
      LOG.info("IKE SA rekeyed: SPIs {}_i {}_r", Long.toHexString(spiInitiator),
          Long.toHexString(spiResponder));
    }

    @Override
    public void onReauthenticated(SessionInfo info) {
      handle.info = info;
      supervisor.refreshed(generation, info);
    }

    @Override
    public void onAddressesUpdated(InetSocketAddress local, InetSocketAddress gateway) {
      LOG.info("MOBIKE: the SAs now run between {} and {}", local, gateway);
      supervisor.gatewayMoved(generation, gateway.getAddress());
    }

    @Override
    public void onRedirected(String newGateway, boolean established) {
      if (!established) {
        listener.onState(TunnelState.CONNECTING, "redirected to " + newGateway);
        return;
      }
      // Name resolution may block (it runs through the tunnel, which is still up): not here.
      Thread t = new Thread(() -> {
        try {
          supervisor.redirected(generation, InetAddress.getByName(newGateway));
        } catch (UnknownHostException e) {
          LOG.warn("the gateway redirected us to {}, which does not resolve: staying",
              newGateway);
        }
      }, "fulmar-redirect");
      t.setDaemon(true);
      t.start();
    }
  }

  private static String hex(long spi) {
    return String.format("%08x", spi);
  }
}
