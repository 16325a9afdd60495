package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.ExchangeTiming;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeProtocolException;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.task.AuthLifetimeTask;
import dev.fulmar.core.ike.task.ChildCreateTask;
import dev.fulmar.core.ike.task.ConfigTask;
import dev.fulmar.core.ike.task.IkeAuthTask;
import dev.fulmar.core.ike.task.IkeDeleteTask;
import dev.fulmar.core.ike.task.IkeInitTask;
import dev.fulmar.core.ike.task.InformationalResponderTask;
import dev.fulmar.core.ike.task.LivenessTask;
import dev.fulmar.core.ike.task.MobikeTask;
import dev.fulmar.core.ike.task.MobikeUpdateTask;
import dev.fulmar.core.ike.task.NatDetectionTask;
import dev.fulmar.core.ike.task.RedirectTask;
import dev.fulmar.core.ike.task.TaskFailure;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the session's exchanges (STYLE #2) on one {@link Lane} per IKE SA: the current SA, where
 * the session's own work goes, and during an IKE SA rekey the SAs on their way out (the old one
 * until its Delete, a redundant one of a collision). Routes every datagram to the lane of its
 * SPIs, decides what the end of a lane's work means for the session (established, closed,
 * failed) and keeps the SAs' timers ({@link KeepAlive}). Runs on the session loop only.
 */
final class Exchanges implements Lane.Owner {
  /** How long an IKE SA replaced by a rekey may wait for its Delete before we forget it. */
  static final Duration REPLACED_SA_GRACE = Duration.ofSeconds(60);

  private final Session session;
  private final MessageWriter writer;
  private final MessageReader reader;
  private final List<ExchangeTiming> timings = new ArrayList<>();
  private final long startNanos;
  private final List<Lane> lanes = new ArrayList<>();
  private final KeepAlive keepAlive;
  private Lane current;
  /** The IKE SA being set up to replace the current one (RFC 4478), or null. */
  private Lane reauth;
  private IkeFailure failAfterDelete;
  private boolean established;

  Exchanges(Session session) {
    this.session = session;
    IkeSa sa = newInitiatorSa();
    session.log().setSpi(sa.localSpi());
    this.writer = new MessageWriter(session.params(), session.transport());
    this.reader = new MessageReader(session.log());
    this.keepAlive = new KeepAlive(session, this);
    this.current = newLane(sa);
    this.startNanos = session.loop().nanoTime();
  }

  Lane newLane(IkeSa sa) {
    Lane lane = new Lane(session, this, sa, new SessionHooksImpl(session, this), writer, reader);
    lanes.add(lane);
    return lane;
  }

  Lane current() {
    return current;
  }

  KeepAlive keepAlive() {
    return keepAlive;
  }

  /** Queues IKE_SA_INIT, NAT detection, IKE_AUTH, configuration and the first CHILD SA. */
  void start() {
    session.params().keyLog().ifPresent(k -> session.log().warn(
        "key log is on: the keys of every IKE and ESP SA of this session are written out;"
            + " anyone who can read them can decrypt captured traffic of this session"));
    queueSetup(current, session.params().redirect());
    current.initiateNext();
  }

  /** The tasks that set up an IKE SA and its first CHILD SA. */
  private void queueSetup(Lane lane, boolean redirects) {
    var ctx = lane.ctx();
    if (redirects) {
      lane.add(RedirectTask.init(ctx));
    }
    lane.add(new IkeInitTask(ctx));
    lane.add(new NatDetectionTask(ctx));
    lane.add(new IkeAuthTask(ctx));
    if (redirects) {
      lane.add(RedirectTask.auth(ctx));
    }
    if (session.params().mobike()) {
      lane.add(new MobikeTask(ctx));
    }
    lane.add(new AuthLifetimeTask(ctx));
    lane.add(new ConfigTask(ctx));
    lane.add(new ChildCreateTask(ctx));
  }

  /**
   * Re-authenticates (RFC 4478, RFC 7296 §2.8.3): sets up a new IKE SA with a full IKE_SA_INIT
   * and IKE_AUTH beside the current one, asking for the virtual addresses we have; its CHILD SA
   * replaces the current one in the data path, make-before-break, and the old IKE SA is deleted
   * once the new one is up.
   */
  void reauthenticate() {
    if (!established || reauth != null || current.sa().state() != IkeSa.State.ESTABLISHED
        || current.sa().children().isEmpty()) {
      return;
    }
    reauth = newLane(newInitiatorSa());
    reauth.ctx().setReplacing(current.sa().children().get(0).inboundSpi(),
        current.ctx().negotiated().config().virtualAddresses());
    session.log().info("re-authenticating with a new IKE SA {}", reauth.sa());
    queueSetup(reauth, false);
    reauth.initiateNext();
  }

  /** The re-authenticated IKE SA is up: it becomes current, the old one is deleted. */
  private void reauthenticated(Lane next) {
    Lane old = current;
    reauth = null;
    next.sa().setState(IkeSa.State.ESTABLISHED);
    old.sa().setState(IkeSa.State.REKEYED);
    current = next;
    session.log().setSpi(next.sa().localSpi());
    keepAlive.ikeSaReplaced(old, next);
    armReauthentication(next);
    old.clear();
    old.add(new IkeDeleteTask());
    old.initiateNext();
    session.listener().onReauthenticated(SessionInfos.of(next.ctx(), session.transport(),
        writer, reader, List.of(), Duration.ZERO));
  }

  /** Schedules the re-authentication the gateway asked for with AUTH_LIFETIME, if it did. */
  private void armReauthentication(Lane lane) {
    Duration lifetime = lane.ctx().authLifetime();
    if (lifetime != null) {
      keepAlive.armReauthentication(lifetime);
    }
  }

  /** Queues the deletion of the IKE SA (close, or after a CHILD SA failure). */
  void deleteIkeSa() {
    keepAlive.cancelAll();
    current.clearExchangesOtherThan(ExchangeType.INFORMATIONAL);
    current.add(new IkeDeleteTask());
    current.initiateNext();
  }

  /** Queues a liveness check unless a request is outstanding or one is queued already. */
  void checkLiveness() {
    IkeSa sa = current.sa();
    if (sa.requests().busy() || current.queue().nextExchange() != null) {
      return;
    }
    current.add(new LivenessTask());
    current.initiateNext();
  }

  /**
   * An SA reached its hard lifetime without a successful rekey (RFC 7296 §2.8): the IKE SA is
   * deleted and the session fails retryably.
   */
  void expired(String what) {
    if (!established || failAfterDelete != null || session.state().isFinal()
        || session.state() == SessionState.CLOSING) {
      return;
    }
    session.log().info("the {} expired before a rekey succeeded", what);
    failAfterDelete = IkeFailure.of(FailureStep.REKEY, ErrorCode.REKEY_FAILED, "what", what,
        "detail", "it expired before a rekey succeeded");
    deleteIkeSa();
  }

  /** Whether both sides announced MOBIKE on the current IKE SA (RFC 4555 §3.2). */
  boolean mobike() {
    return established && current.ctx().mobike();
  }

  /** Queues UPDATE_SA_ADDRESSES (RFC 4555 §3.5) after a change of our address. */
  void updateAddresses() {
    current.add(new MobikeUpdateTask(current.ctx()));
    current.initiateNext();
  }

  /** Tells the gateway once, without retransmission, that this IKE SA is gone (Delete). */
  void sendOneShotDelete() {
    if (current.sa().keys() != null) {
      current.peerRequests().sendOneShotFailure(Optional.empty(), false,
          current.ctx().peerSupportsFragmentation());
    }
  }

  /** The failure to report once the IKE SA delete in progress ends, or null. */
  IkeFailure pendingFailure() {
    return failAfterDelete;
  }

  FailureStep currentStep() {
    return Steps.of(current.activeType(), session.state());
  }

  /** Whether IKE_AUTH completed and the session was reported established. */
  boolean isEstablished() {
    return established;
  }

  /** The step to blame when the outstanding request was never answered. */
  FailureStep givenUpStep() {
    if (established && current.active().stream().anyMatch(t -> t instanceof LivenessTask)) {
      return FailureStep.LIVENESS;
    }
    return currentStep();
  }

  /**
   * A request on {@code sa} was never answered. On an SA on its way out that only ends the SA;
   * on the current one the caller ends the session.
   *
   * @return whether the session goes on
   */
  boolean gaveUpOn(IkeSa sa, OutstandingRequest request) {
    Lane lane = laneOf(sa);
    if (lane == null || lane == current) {
      return false;
    }
    session.log().info("the gateway did not answer {} on the replaced {}; dropping it",
        request.exchange(), sa);
    retire(lane);
    return true;
  }

  void tearDown() {
    keepAlive.cancelAll();
    lanes.forEach(Lane::clear);
    reader.reset();
  }

  // ---- Lane.Owner ----

  @Override
  public void idle(Lane lane) {
    if (lane != current) {
      if (lane == reauth && lane.ctx().isIkeAuthComplete()) {
        reauthenticated(lane);
      } else if (ExchangeType.INFORMATIONAL.equals(lane.lastCompleted())) {
        retire(lane); // our Delete of it was answered
      }
      return;
    }
    if (failAfterDelete != null) {
      session.fail(failAfterDelete);
    } else if (session.state() == SessionState.CLOSING) {
      session.finishClosed(false, true);
    } else if (!established && lane.ctx().isIkeAuthComplete()) {
      established = true;
      lane.sa().setState(IkeSa.State.ESTABLISHED);
      session.established(SessionInfos.of(lane.ctx(), session.transport(), writer, reader,
          timings, Duration.ofNanos(session.loop().nanoTime() - startNanos)));
      keepAlive.established(lane);
      armReauthentication(lane);
    }
  }

  @Override
  public void timed(ExchangeTiming timing) {
    if (!established) {
      timings.add(timing);
    }
  }

  /** A task failed: tell the gateway where that helps, then end the session. */
  @Override
  public void failed(Lane lane, TaskFailure f) {
    IkeFailure failure = f.failure();
    if (f.getCause() != null) {
      session.log().debug("failure cause: {}", f.getCause().toString());
    }
    if (lane != current) {
      session.log().info("{} on {}; dropping it", failure, lane.sa());
      if (lane == reauth) {
        reauth = null;
      }
      retire(lane);
      return;
    }
    var ctx = lane.ctx();
    if (ctx.isIkeAuthComplete() && !session.state().isFinal() && failAfterDelete == null
        && session.state() != SessionState.CLOSING) {
      // The IKE SA is up at the gateway (e.g. only the CHILD SA failed): delete it properly.
      failAfterDelete = failure;
      deleteIkeSa();
      return;
    }
    if (lane.sa().keys() != null && !ctx.isIkeAuthComplete()) {
      lane.peerRequests().sendOneShotFailure(f.notifyToSend(), isGatewayAuthFailure(failure),
          ctx.peerSupportsFragmentation());
    }
    session.fail(failure);
  }

  @Override
  public void redirected(Lane lane, String gateway) {
    if (lane != current || established) {
      return;
    }
    if (lane.sa().keys() != null && lane.ctx().isIkeAuthComplete()) {
      // RFC 5685 §6: the IKE SA with this gateway is up; tell it we leave.
      sendOneShotDelete();
    }
    session.redirect(gateway);
  }

  // ---- IKE SA rekey ----

  /** {@code next} replaces the current lane: CHILD SAs, waiting tasks and timers move to it. */
  void makeCurrent(Lane next) {
    Lane previous = current;
    if (previous == next) {
      return;
    }
    previous.sa().moveChildrenTo(next.sa());
    previous.moveWaitingTasksTo(next);
    current = next;
    session.log().setSpi(next.sa().localSpi());
    keepAlive.ikeSaReplaced(previous, next);
    // After the answer that creates the new SA has left (gateway's rekey).
    session.loop().execute(next::initiateNext);
    var oldId = previous.sa().id();
    session.loop().schedule(REPLACED_SA_GRACE, () -> {
      Lane old = session.registry().find(oldId).map(this::laneOf).orElse(null);
      if (old != null && old != current) {
        session.log().info("the replaced {} was not deleted in time; dropping it", old.sa());
        retire(old);
      }
    });
  }

  /** Forgets a lane whose SA is gone: keys wiped, timers dead. */
  void retire(Lane lane) {
    if (lane == current) {
      return;
    }
    lanes.remove(lane);
    lane.clear();
    IkeSa sa = lane.sa();
    session.params().saInstaller().ifPresent(installer ->
        sa.children().forEach(c -> installer.delete(c.inboundSpi())));
    sa.setState(IkeSa.State.DELETED);
    sa.wipe();
    session.registry().remove(sa.id());
    session.log().debug("{} retired", sa);
  }

  Lane laneOf(IkeSa sa) {
    for (Lane l : lanes) {
      if (l.sa() == sa) {
        return l;
      }
    }
    return null;
  }

  // ---- receiving ----

  void received(byte[] datagram, InetSocketAddress from) {
    IkeHeader h;
    try {
      h = IkeHeader.peek(datagram);
    } catch (IkeProtocolException e) {
      session.log().debug("dropping a datagram that is not IKE: {}", e.getMessage());
      return;
    }
    Lane lane = null;
    for (Lane l : lanes) {
      if (l.owns(h)) {
        lane = l;
        break;
      }
    }
    if (lane == null) {
      session.log().debug("dropping a message for SPI {}", Long.toHexString(h.initiatorSpi()));
      return;
    }
    keepAlive.heardFromGateway();
    try {
      if (h.response()) {
        lane.onResponse(h, datagram);
        return;
      }
      InformationalResponderTask info = lane.peerRequests().handle(h, datagram);
      if (info != null) {
        afterInformational(lane, info);
      }
    } catch (MessageReader.MalformedException e) {
      if (lane == current) {
        failed(lane, TaskFailure.of(currentStep(), ErrorCode.PROTOCOL_ERROR,
            "detail", e.getMessage()));
      } else {
        session.log().debug("malformed message on the replaced {}: {}", lane.sa(),
            e.getMessage());
      }
    }
  }

  private void afterInformational(Lane lane, InformationalResponderTask info) {
    if (lane != current) {
      if (info.ikeSaDeleted()) {
        session.log().info("the gateway deleted the replaced {}", lane.sa());
        retire(lane);
      }
      return;
    }
    if (info.ikeSaDeleted()) {
      session.log().info("the gateway deleted the IKE SA");
      if (established) {
        session.finishClosed(true, true);
      } else {
        session.fail(IkeFailure.of(currentStep(), ErrorCode.PEER_DELETED));
      }
      return;
    }
    if (info.authLifetime() != null && established) {
      keepAlive.armReauthentication(info.authLifetime());
    }
    if (info.redirect() != null && established) {
      session.listener().onRedirected(info.redirect(), true);
    }
    if (info.lastChildDeleted() && established) {
      session.log().info("the gateway deleted the last CHILD SA; closing the IKE SA");
      session.closeBecauseGatewayEnded();
      return;
    }
    current.initiateNext();
  }

  private static boolean isGatewayAuthFailure(IkeFailure f) {
    switch (f.code()) {
      case GATEWAY_CERT_UNTRUSTED:
      case GATEWAY_CERT_INVALID:
      case GATEWAY_IDENTITY_MISMATCH:
      case GATEWAY_AUTH_FAILED:
        return true;
      default:
        return false;
    }
  }

  /** A new IKE SA that we initiate (first connect, re-authentication), registered. */
  private IkeSa newInitiatorSa() {
    IkeSa sa = new IkeSa(session.registry().newId(), true, IkeSa.newSpi(session.env().random()));
    session.registry().add(sa);
    return sa;
  }
}
