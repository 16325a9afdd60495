package dev.fulmar.helper.run;

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
import dev.fulmar.core.datapath.DataPathStats;
import dev.fulmar.core.datapath.TunnelMtu;
import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.ProfileMapper;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tunnel on this host: the IKE session, the ESP data path over a TUN device and the
 * shared NAT-T socket, and the addresses, routes and DNS made for it. {@link #connect} brings it
 * all up in order and undoes what it did when a step fails; {@link #close} takes it down in
 * reverse order. Shared by {@code fulmard run} and the daemon: {@link #open} creates the device
 * and socket, {@link #connect()} negotiates and configures, {@link #close()} (any thread, any
 * time, e.g. from a signal handler) takes everything down.
 *
 * <pre>
 *  up:    TUN device ─► UDP 4500 + data path threads ─► IKE (500 → 4500) ─► CHILD SA installed
 *         ─► addresses, MTU, routes, DNS (journaled) ─► NAT keepalives ─► UP
 *  down:  routes/DNS/addresses restored ─► IKE Delete ─► socket, TUN closed ─► keys wiped
 * </pre>
 *
 * <p>Every system change goes through the platform's journal before it is made, so a crash
 * leaves nothing that {@link Platform#recoverAfterCrash()} cannot undo.
 */
public final class Tunnel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);
  private static final long CONNECT_LIMIT_SECONDS = 300;
  private static final long DELETE_WAIT_SECONDS = 10;

  /** Receives the tunnel's state changes, one line of detail each. Must not block. */
  @FunctionalInterface
  public interface Listener {
    void onState(TunnelState state, String detail);
  }

  private final Profile profile;
  private final IkeSessionParams params;
  private final Platform platform;
  private final Listener listener;
  private final TunnelParts parts;
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile IkeSession session;
  private volatile NetworkConfigurator configurator;
  private volatile TunnelNetworkConfig network;
  private volatile SessionInfo info;
  private volatile String endReason = "closed";
  private volatile IkeFailure endFailure;
  private boolean closed;

  private Tunnel(Profile profile, IkeSessionParams params, Platform platform, TunnelParts parts,
      Listener listener) {
    this.profile = profile;
    this.params = params;
    this.platform = platform;
    this.parts = parts;
    this.listener = listener;
  }

  /**
   * Prepares a tunnel for {@code profile}: checks the profile, creates the TUN device and the
   * NAT-T socket and starts the data path. Nothing is sent and no route or DNS setting changes
   * until {@link #connect()}; {@link #close()} releases what was created.
   *
   * @param baseDir where the profile's relative file references are resolved
   * @throws TunnelException naming the failed step; what was created is released
   */
  public static Tunnel open(Profile profile, Path baseDir, Credentials credentials,
      Platform platform, TunnelOptions options, Listener listener) throws TunnelException {
    TunnelParts parts = TunnelParts.create(profile.gateway().host(), platform, options);
    try {
      IkeSessionParams params = new ProfileMapper(baseDir).toParams(profile, credentials,
          options.keyLog(), Optional.of(parts.sas));
      return new Tunnel(profile, params, platform, parts, listener);
    } catch (IkeSessionException e) {
      parts.close();
      throw TunnelException.of(e.failure());
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
  }

  /**
   * Negotiates, then sets addresses, routes and DNS; returns once traffic flows. A {@link
   * #close()} from another thread (a signal) cancels it.
   *
   * @throws TunnelException naming the failed step; everything done so far is undone
   */
  public void connect() throws TunnelException {
    try {
      negotiate();
      configure();
      listener.onState(TunnelState.UP, describe());
    } catch (TunnelException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void negotiate() throws TunnelException {
    SessionEnvironment env = SessionEnvironment.builder()
        .sockets(parts.natT)
        .resolver(host -> List.of(parts.gateway))
        .build();
    listener.onState(TunnelState.CONNECTING, "to " + AddressText.of(parts.gateway)
        + " from " + AddressText.of(parts.source.getAddress()) + " on " + parts.tun.name());
    IkeSession s;
    synchronized (this) {
      if (closed) {
        throw cancelled(FailureStep.IKE_SA_INIT);
      }
      s = IkeSession.create(params, env, new SessionEvents());
      session = s;
    }
    try {
      info = s.connect().get(CONNECT_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IkeSessionException ise) {
        throw TunnelException.of(ise.failure());
      }
      throw TunnelException.system(FailureStep.IKE_AUTH, String.valueOf(e.getCause()), e);
    } catch (TimeoutException e) {
      throw TunnelException.system(FailureStep.IKE_AUTH, "no result after "
          + CONNECT_LIMIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled(FailureStep.IKE_AUTH);
    }
  }

  private static TunnelException cancelled(FailureStep step) {
    return TunnelException.of(IkeFailure.of(step, ErrorCode.CANCELLED));
  }

  private void configure() throws TunnelException {
    long child = info.child().inboundSpi();
    int espMtu = TunnelMtu.compute(parts.pathMtu,
        parts.gateway instanceof Inet6Address, parts.sas.outboundOf(child).transform());
    listener.onState(TunnelState.CONFIGURING, "ESP " + info.child().algorithms() + ", IKE "
        + info.ikeAlgorithms() + ", virtual IP " + addresses(info));
    try {
      network = NetworkPlan.of(profile, info, parts.tun.name(), espMtu);
    } catch (IllegalArgumentException e) {
      throw TunnelException.system(FailureStep.SET_ROUTES, e.getMessage(), e);
    }
    synchronized (this) { // a concurrent close() restores what apply() did, never less
      if (closed) {
        throw cancelled(FailureStep.SET_ROUTES);
      }
      try {
        configurator = platform.networkConfigurator();
        configurator.apply(network);
      } catch (SystemConfigException e) {
        throw TunnelException.of(e);
      } catch (IOException e) {
        throw TunnelException.system(FailureStep.SET_ROUTES, e.getMessage(), e);
      }
    }
    parts.startKeepalives(new InetSocketAddress(parts.gateway, IkeSessionParams.NAT_T_PORT),
        profile.timers().natKeepalive());
  }

  /** What was negotiated, as connect reported it. */
  public SessionInfo info() {
    return info;
  }

  /** The system configuration in force. */
  public TunnelNetworkConfig network() {
    return network;
  }

  /** The data path's counters. */
  public DataPathStats stats() {
    return parts.dataPath.stats();
  }

  /** Whether the TUN device and the UDP socket use kernel offloads. */
  public String offloads() {
    return parts.offloads();
  }

  /**
   * Completes once the tunnel is closed: with "closed" after {@link #close}, or with the reason
   * when it ended by itself (the gateway deleted it, or it failed).
   */
  public CompletableFuture<String> ended() {
    return ended;
  }

  /**
   * Why the tunnel ended by itself (the gateway deleted it: {@code ESTABLISHED/PEER_DELETED}, or
   * the session failed), once {@link #ended()} completed with a reason other than "closed";
   * empty while it runs or after {@link #close()}.
   */
  public Optional<IkeFailure> endFailure() {
    return Optional.ofNullable(endFailure);
  }

  /**
   * Restores the system, deletes the SAs (waiting briefly for the gateway) and releases the
   * device and socket. Idempotent; safe from a shutdown hook.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    String reason = endReason;
    listener.onState(TunnelState.DISCONNECTING, "closed".equals(reason) ? "" : reason);
    parts.stopKeepalives();
    restoreNetwork();
    deleteSession();
    parts.close();
    listener.onState(TunnelState.DOWN, "system restored");
    ended.complete(reason);
  }

  private void restoreNetwork() {
    NetworkConfigurator c = configurator;
    if (c == null) {
      return;
    }
    try {
      c.restore();
    } catch (SystemConfigException e) {
      LOG.error("could not restore everything: {} (the next fulmard start retries)",
          e.getMessage());
    }
  }

  private void deleteSession() {
    IkeSession s = session;
    if (s == null || s.state() == SessionState.CLOSED || s.state() == SessionState.FAILED) {
      return;
    }
    try {
      boolean confirmed = s.close().get(DELETE_WAIT_SECONDS, TimeUnit.SECONDS);
      LOG.debug("delete {}", confirmed ? "confirmed by the gateway" : "not confirmed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("the gateway did not confirm the delete within {} s", DELETE_WAIT_SECONDS);
    }
  }

  private String describe() {
    TunnelNetworkConfig n = network;
    return n.interfaceName() + " " + n.addresses().stream().map(AddressText::of).toList()
        + " mtu " + n.mtu() + ", "
        + (n.mode() == RoutingMode.FULL ? "all traffic"
            : "routes " + n.routes().stream().map(AddressText::of).toList())
        + (n.dns().isEmpty() ? ", no DNS"
            : ", DNS " + n.dns().servers().stream().map(AddressText::of).toList()
                + (n.dns().routingDomains().isEmpty() ? "" : " for " + n.dns().routingDomains()))
        + ", " + parts.offloads();
  }

  private static String addresses(SessionInfo info) {
    return info.virtualAddresses().stream().map(AddressText::of).toList().toString();
  }

  /** The session's events: an end while up takes the tunnel down (off the session's loop). */
  private final class SessionEvents implements IkeSessionListener {
    @Override
    public void onFailed(IkeFailure failure) {
      if (info != null) {
        endFailure = failure;
        endByItself("the tunnel failed: " + failure.reason());
      }
    }

    @Override
    public void onClosed(boolean byGateway) {
      if (byGateway) {
        endFailure = IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.PEER_DELETED);
        endByItself("the gateway closed the connection");
      }
    }
  }

  private void endByItself(String reason) {
    endReason = reason;
    Thread t = new Thread(() -> {
      LOG.warn("{}", reason);
      close();
    }, "fulmar-tunnel-end");
    t.setDaemon(true);
    t.start();
  }
}
