package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.SessionLog;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.sa.SaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One session: the glue between the public {@link IkeSession}, the event loop, the transport and
 * the exchanges. Every method except the public ones runs on the loop.
 */
final class Session implements IkeSession {
  private final IkeSessionParams params;
  private final SessionEnvironment env;
  private final IkeSessionListener listener;
  private final SessionLoop loop;
  private final SessionLog log;
  private final SaRegistry registry = new SaRegistry();
  private final IkeTransport transport;
  private final Retransmitter retransmitter;
  private final CompletableFuture<SessionInfo> connected = new CompletableFuture<>();
  private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
  private volatile SessionState state = SessionState.NEW;
  private Exchanges exchanges;
  private boolean closedByGateway;
  private int redirects;
  private InetAddress redirectedFrom;
  private final List<CompletableFuture<Boolean>> pendingMoves = new java.util.ArrayList<>();
  /** The give-up of the next liveness-type request, or null for the usual one (loop only). */
  private Duration nextCheckWithin;

  Session(IkeSessionParams params, SessionEnvironment env, IkeSessionListener listener) {
    this.params = params;
    this.env = env;
    this.listener = listener;
    this.loop = env.loops().create(params.name());
    this.log = new SessionLog(params.name());
    this.transport = new IkeTransport(env.sockets(), loop, this::onIkeMessage);
    this.retransmitter =
        new Retransmitter(loop, registry, params.retransmission(), transport::send, this::gaveUp);
  }

  @Override
  public CompletableFuture<SessionInfo> connect() {
    loop.execute(guarded(this::start));
    return connected;
  }

  @Override
  public CompletableFuture<Boolean> close() {
    loop.execute(guarded(this::closeRequested));
    return closed;
  }

  @Override
  public SessionState state() {
    return state;
  }

  @Override
  public CompletableFuture<Boolean> localAddressChanged(InetAddress newLocal) {
    CompletableFuture<Boolean> moved = new CompletableFuture<>();
    synchronized (pendingMoves) {
      pendingMoves.add(moved);
    }
    loop.execute(guarded(() -> addressChanged(newLocal, moved)));
    if (state.isFinal()) {
      moved.complete(false);
    }
    return moved;
  }

  @Override
  public void checkLiveness() {
    loop.execute(guarded(() -> {
      if (state == SessionState.ESTABLISHED && exchanges != null) {
        exchanges.checkLiveness();
      }
    }));
  }

  @Override
  public void answerNextCheckWithin(Duration within) {
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("a check needs time to be answered: " + within);
    }
    loop.execute(guarded(() -> nextCheckWithin = within));
  }

  /** The shortened give-up for the liveness-type request being sent, once; null if none. */
  Duration takeNextCheckWithin() {
    Duration d = nextCheckWithin;
    nextCheckWithin = null;
    return d;
  }

  /** The gateway answered: it is alive, so no later check needs to be hurried. */
  void gatewayAnswered() {
    nextCheckWithin = null;
  }

  private void addressChanged(InetAddress newLocal, CompletableFuture<Boolean> moved) {
    if (state.isFinal() || state == SessionState.NEW) {
      moved.complete(state == SessionState.NEW);
      return;
    }
    if (exchanges != null && exchanges.mobike() && state == SessionState.ESTABLISHED) {
      log.info("local address changed to {}; moving the SAs (MOBIKE)",
          newLocal.getHostAddress());
      exchanges.updateAddresses();
      return;
    }
    log.info("local address changed to {}; the gateway does not support MOBIKE",
        newLocal.getHostAddress());
    if (exchanges != null) {
      exchanges.sendOneShotDelete();
    }
    fail(IkeFailure.of(FailureStep.MOBIKE, ErrorCode.NETWORK_CHANGED,
        "local", newLocal.getHostAddress(),
        "detail", "the gateway does not support MOBIKE"));
  }

  private void start() {
    if (state != SessionState.NEW) {
      return;
    }
    setState(SessionState.CONNECTING);
    InetAddress gateway;
    try {
      gateway = env.resolver().resolve(params.gatewayHost()).get(0);
    } catch (UnknownHostException | IndexOutOfBoundsException e) {
      fail(IkeFailure.of(FailureStep.RESOLVE_GATEWAY, ErrorCode.GATEWAY_NOT_FOUND,
          "gateway", params.gatewayHost(), "cause", String.valueOf(e.getMessage())));
      return;
    }
    connectTo(gateway);
  }

  /** Opens the transport to {@code gateway} and starts the exchanges of a new IKE SA. */
  private void connectTo(InetAddress gateway) {
    InetSocketAddress remote = new InetSocketAddress(gateway, params.gatewayPort());
    try {
      transport.open(remote);
    } catch (IOException e) {
      fail(IkeFailure.of(FailureStep.OPEN_SOCKET, ErrorCode.SOCKET_FAILED,
          "local", "UDP port " + IkeSessionParams.IKE_PORT, "cause", e.toString()));
      return;
    }
    if (transport.usesUnprivilegedPort()) {
      log.info("source port 500 needs root; using {} (the gateway must accept it)",
          transport.localAddress());
    }
    exchanges = new Exchanges(this);
    if (redirectedFrom != null) {
      exchanges.current().ctx().setRedirectedFrom(redirectedFrom);
    }
    exchanges.start();
  }

  /**
   * The gateway redirected the connection (RFC 5685): start over with {@code gateway}, unless
   * this session has followed {@link IkeSessionParams#maxRedirects()} redirects already.
   */
  void redirect(String gateway) {
    redirects++;
    if (redirects > params.maxRedirects()) {
      fail(IkeFailure.of(exchanges.currentStep(), ErrorCode.REDIRECT_LOOP,
          "count", String.valueOf(redirects), "gateway", gateway));
      return;
    }
    InetAddress next;
    try {
      next = env.resolver().resolve(gateway).get(0);
    } catch (UnknownHostException | IndexOutOfBoundsException e) {
      fail(IkeFailure.of(FailureStep.RESOLVE_GATEWAY, ErrorCode.GATEWAY_NOT_FOUND,
          "gateway", gateway, "cause", String.valueOf(e.getMessage())));
      return;
    }
    listener.onRedirected(gateway, false);
    if (redirectedFrom == null) {
      redirectedFrom = transport.remoteAddress().getAddress();
    }
    log.info("following the redirect to {} ({} of at most {})", gateway, redirects,
        params.maxRedirects());
    forgetSas();
    exchanges.tearDown();
    transport.close();
    connectTo(next);
  }

  private void closeRequested() {
    if (state.isFinal() || state == SessionState.CLOSING) {
      return;
    }
    if (state == SessionState.ESTABLISHED && exchanges != null) {
      setState(SessionState.CLOSING);
      exchanges.deleteIkeSa();
      return;
    }
    // Nothing established: nothing to delete at the gateway.
    fail(IkeFailure.of(FailureStep.CLOSE, ErrorCode.CANCELLED));
  }

  private void onIkeMessage(byte[] message, InetSocketAddress from) {
    if (exchanges != null && !state.isFinal()) {
      guarded(() -> exchanges.received(message, from)).run();
    }
  }

  private void gaveUp(IkeSa sa, OutstandingRequest request) {
    if (exchanges != null && exchanges.gaveUpOn(sa, request)) {
      return;
    }
    long seconds =
        Duration.ofNanos(loop.nanoTime() - request.firstSentNanos()).toSeconds();
    if (state == SessionState.CLOSING) {
      log.info("gateway did not confirm the delete; closing anyway");
      finishClosed(false, false);
      return;
    }
    if (exchanges.pendingFailure() != null) {
      fail(exchanges.pendingFailure());
      return;
    }
    boolean up = exchanges.isEstablished();
    fail(IkeFailure.of(exchanges.givenUpStep(), up ? ErrorCode.PEER_UNREACHABLE
        : ErrorCode.GATEWAY_UNREACHABLE,
        "gateway", transport.remoteAddress().getAddress().getHostAddress(),
        "exchange", request.exchange(),
        "attempts", String.valueOf(request.transmissions()),
        "seconds", String.valueOf(seconds),
        "local", String.valueOf(transport.localAddress()),
        "unprivilegedPort", String.valueOf(transport.usesUnprivilegedPort())));
  }

  // ---- called by the exchanges ----

  IkeSessionParams params() {
    return params;
  }

  SessionEnvironment env() {
    return env;
  }

  /** MOBIKE moved the SAs: report it and complete the pending address changes. */
  void addressesUpdated() {
    listener.onAddressesUpdated(transport.localAddress(), transport.remoteAddress());
    synchronized (pendingMoves) {
      pendingMoves.forEach(m -> m.complete(true));
      pendingMoves.clear();
    }
  }

  IkeSessionListener listener() {
    return listener;
  }

  SessionLoop loop() {
    return loop;
  }

  SessionLog log() {
    return log;
  }

  Exchanges exchanges() {
    return exchanges;
  }

  /** The gateway ended the tunnel (deleted the last CHILD SA): delete the IKE SA too. */
  void closeBecauseGatewayEnded() {
    closedByGateway = true;
    setState(SessionState.CLOSING);
    exchanges.deleteIkeSa();
  }

  SaRegistry registry() {
    return registry;
  }

  IkeTransport transport() {
    return transport;
  }

  Retransmitter retransmitter() {
    return retransmitter;
  }

  void setState(SessionState next) {
    if (state == next || state.isFinal()) {
      return;
    }
    state = next;
    log.debug("state {}", next);
    listener.onStateChanged(next);
  }

  void established(SessionInfo info) {
    setState(SessionState.ESTABLISHED);
    listener.onEstablished(info);
    connected.complete(info);
  }

  /** Ends the session with a failure: wipes keys, closes sockets, stops the loop. */
  void fail(IkeFailure failure) {
    if (state.isFinal()) {
      return;
    }
    log.info("{}", failure);
    tearDown();
    state = SessionState.FAILED;
    listener.onStateChanged(SessionState.FAILED);
    listener.onFailed(failure);
    connected.completeExceptionally(new IkeSessionException(failure));
    closed.complete(false);
    loop.shutdown();
  }

  /**
   * Ends the session cleanly.
   *
   * @param byGateway the gateway deleted the SA
   * @param confirmed the gateway answered our delete or deleted the SA itself
   */
  void finishClosed(boolean byGateway, boolean confirmed) {
    if (state.isFinal()) {
      return;
    }
    tearDown();
    state = SessionState.CLOSED;
    listener.onStateChanged(SessionState.CLOSED);
    listener.onClosed(byGateway || closedByGateway);
    if (!connected.isDone()) {
      connected.completeExceptionally(new IkeSessionException(
          IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.PEER_DELETED)));
    }
    closed.complete(confirmed);
    loop.shutdown();
  }

  private void tearDown() {
    synchronized (pendingMoves) {
      pendingMoves.forEach(m -> m.complete(false));
      pendingMoves.clear();
    }
    forgetSas();
    if (exchanges != null) {
      exchanges.tearDown();
    }
    transport.close();
  }

  /** Removes every IKE SA and its CHILD SAs from the data path and wipes their keys. */
  private void forgetSas() {
    for (IkeSa sa : registry.all()) {
      params.saInstaller().ifPresent(installer ->
          sa.children().forEach(c -> installer.delete(c.inboundSpi())));
      sa.wipe();
      sa.setState(IkeSa.State.DELETED);
      registry.remove(sa.id());
    }
  }

  /** Runs {@code r}; an unexpected exception ends the session instead of the loop thread. */
  private Runnable guarded(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("unexpected error", e);
        FailureStep step = exchanges == null ? FailureStep.PREPARE : exchanges.currentStep();
        fail(IkeFailure.of(step, ErrorCode.INTERNAL_ERROR, "detail", e.toString()));
      }
    };
  }
}
