package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.datapath.DataPathStats;
import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.ProfileMapper;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tunnel on this host: the IKE session, the ESP data path over a TUN device and the
 * shared NAT-T socket, the addresses, routes and DNS made for it, and the kill switch. {@link
 * #connect} brings it all up in order and undoes what it did when a step fails; afterwards the
 * tunnel keeps itself up (a lost session is replaced, see {@link Supervisor}) until {@link
 * #close} takes it down in reverse order or a failure that a retry cannot fix ends it. Shared by
 * {@code fulmard run} and the daemon.
 *
 * <pre>
 *  up:    TUN device ─► UDP 4500 + data path threads ─► kill switch ─► IKE (500 → 4500)
 *         ─► CHILD SA installed ─► addresses, MTU, routes, DNS (journaled) ─► NAT keepalives ─► UP
 *  lost:  RECONNECTING (device, routes, DNS, kill switch stay; no SA: packets are dropped)
 *         ─► backoff ─► CONNECTING ─► new CHILD SA installed ─► UP
 *  down:  routes/DNS/addresses restored ─► IKE Delete ─► kill switch off ─► socket, TUN closed
 * </pre>
 *
 * <p>Every system change goes through the platform's journal before it is made, so a crash
 * leaves nothing that {@link Platform#recoverAfterCrash()} cannot undo.
 */
public final class Tunnel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);
  private static final long CONNECT_LIMIT_SECONDS = 300;
  private static final long STOP_WAIT_SECONDS = 5;
  private static final long DELETE_WAIT_SECONDS = 10;
  /**
   * How long a gateway with a fallback after it may take to answer IKE_SA_INIT: four
   * transmissions (at 0, 1, 3 and 7 s) instead of the engine's minute, so a dead primary delays
   * the connection by seconds. The last gateway keeps the engine's full give-up.
   */
  static final java.time.Duration FALLBACK_ANSWER_LIMIT = java.time.Duration.ofSeconds(10);

  /** Receives the tunnel's state changes, one line of detail each. Must not block. */
  @FunctionalInterface
  public interface Listener {
    void onState(TunnelState state, String detail);
  }

  private final Profile profile;
  private final Listener listener;
  private final TunnelParts parts;
  private final SessionLoop loop;
  private final TunnelSystem system;
  private final TunnelSessions sessions;
  private final Supervisor supervisor;
  private final CompletableFuture<Void> firstUp = new CompletableFuture<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile SessionInfo info;
  private volatile String endReason = "closed";
  private volatile TunnelException endError;
  private volatile IkeFailure lostFor;
  private boolean closed;

  private Tunnel(Profile profile, IkeSessionParams.Builder params, Platform platform,
      TunnelParts parts, TunnelOptions options, Listener listener) {
    this.profile = profile;
    this.parts = parts;
    this.listener = listener;
    this.loop = SessionEnvironment.system().loops().create("tunnel-" + profile.name());
    this.system = new TunnelSystem(profile, platform, parts, options.killSwitch(), listener);
    this.sessions = new TunnelSessions(params, parts.candidates, parts, system, listener,
        this::supervisor, this::info);
    this.supervisor = new Supervisor(loop, new Driver(),
        new Backoff(options.reconnect(), new SecureRandom()), parts.candidates,
        FALLBACK_ANSWER_LIMIT);
  }

  /**
   * Prepares a tunnel for {@code profile}: checks the profile, resolves the gateway, creates the
   * TUN device and the NAT-T socket and starts the data path. Nothing is sent and no route, DNS
   * setting or firewall rule changes until {@link #connect()}; {@link #close()} releases what was
   * created.
   *
   * @param baseDir where the profile's relative file references are resolved
   * @throws TunnelException naming the failed step; what was created is released
   */
  public static Tunnel open(Profile profile, Path baseDir, Credentials credentials,
      Platform platform, TunnelOptions options, Listener listener) throws TunnelException {
    TunnelParts parts = TunnelParts.create(profile.gateways(), platform, options);
    try {
      IkeSessionParams.Builder params = new ProfileMapper(baseDir).builder(profile,
          credentials, options.keyLog(), Optional.of(parts.sas));
      params.build(); // refuses bad parameters now, before anything is sent
      return new Tunnel(profile, params, platform, parts, options, listener);
    } catch (IkeSessionException e) {
      parts.close();
      throw TunnelException.of(e.failure());
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
  }

  private Supervisor supervisor() {
    return supervisor;
  }

  /**
   * Engages the kill switch (if the profile and the policy want it), negotiates, then sets
   * addresses, routes and DNS; returns once traffic flows. From then on the tunnel keeps itself
   * up. A {@link #close()} from another thread (a signal) cancels it.
   *
   * @throws TunnelException naming the failed step; everything done so far is undone
   */
  public void connect() throws TunnelException {
    try {
      synchronized (this) {
        if (closed) {
          throw cancelled(FailureStep.PREPARE);
        }
        system.engageKillSwitch();
      }
      system.startWatching(loop, supervisor, Clock.systemUTC());
      supervisor.start();
      awaitFirstUp();
    } catch (TunnelException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void awaitFirstUp() throws TunnelException {
    try {
      firstUp.get(CONNECT_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TunnelException te) {
        throw te;
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

  static TunnelException cancelled(FailureStep step) {
    return TunnelException.of(IkeFailure.of(step, ErrorCode.CANCELLED));
  }

  /**
   * The gateway of the session in force as the profile names it (with its address when the
   * profile gives a name): the primary, or the fallback that answered.
   */
  public String gateway() {
    return supervisor.gatewayInUse();
  }

  /** The host of {@link #gateway()} alone, as the profile writes it. */
  public String gatewayHost() {
    return supervisor.gatewayHostInUse();
  }

  /** What was negotiated, as the session in force reported it. */
  public SessionInfo info() {
    return info;
  }

  /** The system configuration in force. */
  public TunnelNetworkConfig network() {
    return system.network();
  }

  /** The data path's counters. */
  public DataPathStats stats() {
    return parts.dataPath.stats();
  }

  /** Whether the TUN device and the UDP socket use kernel offloads. */
  public String offloads() {
    return parts.offloads();
  }

  /** Whether the kill switch is engaged. */
  public boolean killSwitchEngaged() {
    return system.killSwitchEngaged();
  }

  /**
   * Completes once the tunnel is closed: with "closed" after {@link #close}, or with the reason
   * when it ended by itself (the gateway deleted it, or it failed in a way a retry cannot fix).
   */
  public CompletableFuture<String> ended() {
    return ended;
  }

  /**
   * Why the tunnel ended by itself (the gateway deleted it: {@code ESTABLISHED/PEER_DELETED}, a
   * failure a retry cannot fix, or the system refused a change), once {@link #ended()} completed
   * with a reason other than "closed"; empty while it runs or after {@link #close()}.
   */
  public Optional<TunnelException> endError() {
    return Optional.ofNullable(endError);
  }

  /**
   * Why the session that was up was lost, while the tunnel reconnects; empty while a session is
   * up (and when the tunnel only moved to a new address).
   */
  public Optional<IkeFailure> reconnectReason() {
    return Optional.ofNullable(lostFor);
  }

  /** The engine's part of {@link #endError()}, when the engine failed. */
  public Optional<IkeFailure> endFailure() {
    return endError().map(TunnelException::ikeFailure);
  }

  /**
   * Restores the system, deletes the SAs (waiting briefly for the gateway), removes the kill
   * switch and releases the device and socket. Idempotent; safe from a shutdown hook; not on the
   * tunnel's own loop.
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
    firstUp.completeExceptionally(cancelled(FailureStep.IKE_AUTH));
    system.stopWatching();
    Optional<IkeSession> last = stopSupervisor();
    parts.stopKeepalives();
    system.restoreNetwork();
    last.ifPresent(Tunnel::deleteSession);
    sessions.abandonAll();
    system.releaseKillSwitch();
    parts.close();
    loop.shutdown();
    listener.onState(TunnelState.DOWN, "system restored");
    ended.complete(reason);
  }

  private Optional<IkeSession> stopSupervisor() {
    try {
      return supervisor.stop().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS)
          .map(s -> ((TunnelSessions.Handle) s).session());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("the tunnel's loop did not stop within {} s", STOP_WAIT_SECONDS);
    }
    return sessions.latest();
  }

  private static void deleteSession(IkeSession s) {
    if (s.state().isFinal()) {
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
    TunnelNetworkConfig n = system.network();
    return n.interfaceName() + " " + n.addresses().stream().map(AddressText::of).toList()
        + " mtu " + n.mtu() + ", "
        + (n.mode() == RoutingMode.FULL ? "all traffic"
            : "routes " + n.routes().stream().map(AddressText::of).toList())
        + (n.dns().isEmpty() ? ", no DNS"
            : ", DNS " + n.dns().servers().stream().map(AddressText::of).toList()
                + (n.dns().routingDomains().isEmpty() ? "" : " for " + n.dns().routingDomains()))
        + (system.killSwitchEngaged() ? ", kill switch on" : "") + ", " + parts.offloads();
  }

  /** The supervisor's side of the tunnel: sessions, system changes, states. */
  private final class Driver implements SupervisorDriver {
    @Override
    public SupervisedSession open(long generation, java.net.InetAddress gateway,
        Optional<java.net.InetAddress> redirectedFrom) throws TunnelException {
      return sessions.open(generation, gateway, redirectedFrom);
    }

    @Override
    public void established(SessionInfo i) throws TunnelException {
      synchronized (Tunnel.this) { // a concurrent close() restores what apply() did, never less
        if (closed) {
          throw cancelled(FailureStep.SET_ROUTES);
        }
        system.configure(i, supervisor.target());
      }
      info = i;
      lostFor = null;
      parts.startKeepalives(new java.net.InetSocketAddress(supervisor.target(),
          IkeSessionParams.NAT_T_PORT), profile.timers().natKeepalive());
      listener.onState(TunnelState.UP, describe() + ", gateway " + supervisor.gatewayInUse());
      firstUp.complete(null);
    }

    @Override
    public void moved(java.net.InetAddress gateway) throws TunnelException {
      system.allowGateway(gateway);
      system.routeTo(gateway);
      parts.startKeepalives(new java.net.InetSocketAddress(gateway, IkeSessionParams.NAT_T_PORT),
          profile.timers().natKeepalive());
    }

    @Override
    public void state(TunnelState state, String detail) {
      listener.onState(state, detail);
    }

    @Override
    public void lost(IkeFailure why) {
      lostFor = why;
    }

    @Override
    public void ended(TunnelException why, boolean wasUp) {
      if (!wasUp) {
        firstUp.completeExceptionally(why);
        return;
      }
      endError = why;
      endReason = why.ikeFailure() != null
          && why.ikeFailure().code() == ErrorCode.PEER_DELETED
          ? "the gateway closed the connection" : "the tunnel failed: " + why.getMessage();
      Thread t = new Thread(() -> {
        LOG.warn("{}", endReason);
        close();
      }, "fulmar-tunnel-end");
      t.setDaemon(true);
      t.start();
    }
  }
}
