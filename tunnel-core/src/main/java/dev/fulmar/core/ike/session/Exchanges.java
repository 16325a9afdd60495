package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.ExchangeTiming;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.IkeProtocolException;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.task.ChildCreateTask;
import dev.fulmar.core.ike.task.ConfigTask;
import dev.fulmar.core.ike.task.IkeAuthTask;
import dev.fulmar.core.ike.task.IkeDeleteTask;
import dev.fulmar.core.ike.task.IkeInitTask;
import dev.fulmar.core.ike.task.LivenessTask;
import dev.fulmar.core.ike.task.NatDetectionTask;
import dev.fulmar.core.ike.task.Task;
import dev.fulmar.core.ike.task.TaskContext;
import dev.fulmar.core.ike.task.TaskFailure;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sequences the tasks of the session's IKE SA (STYLE #2): picks the next exchange from the first
 * queued task that wants one, lets every task of that exchange build into the request, sends it
 * through the retransmitter, and hands the response to the same tasks. The gateway's own requests
 * go to {@link PeerRequests}. Runs on the session loop only.
 */
final class Exchanges {
  private final Session session;
  private final IkeSa sa;
  private final TaskContext ctx;
  private final TaskQueue queue;
  private final MessageWriter writer;
  private final MessageReader reader;
  private final PeerRequests peerRequests;
  private final List<ExchangeTiming> timings = new ArrayList<>();
  private final long startNanos;
  private List<Task> active = List.of();
  private ExchangeType activeType;
  private boolean blocked;
  private IkeFailure failAfterDelete;
  private boolean established;

  Exchanges(Session session) {
    this.session = session;
    long spi;
    do {
      spi = session.env().random().nextLong();
    } while (spi == 0);
    this.sa = new IkeSa(session.registry().newId(), true, spi);
    session.registry().add(sa);
    session.log().setSpi(spi);
    this.queue = new TaskQueue();
    this.ctx = new TaskContext(session.params(), session.env(), sa,
        new SessionHooksImpl(session, this::insertAfter), session.log());
    this.writer = new MessageWriter(session.params(), session.transport());
    this.reader = new MessageReader(session.log());
    this.peerRequests = new PeerRequests(session, sa, writer, reader);
    this.startNanos = session.loop().nanoTime();
  }

  /** Queues IKE_SA_INIT, NAT detection, IKE_AUTH, configuration and the first CHILD SA. */
  void start() {
    session.params().keyLog().ifPresent(k -> session.log().warn(
        "key log is on: the keys of every IKE and ESP SA of this session are written out;"
            + " anyone who can read them can decrypt captured traffic of this session"));
    queue.add(new IkeInitTask(ctx));
    queue.add(new NatDetectionTask(ctx));
    queue.add(new IkeAuthTask(ctx));
    queue.add(new ConfigTask(ctx));
    queue.add(new ChildCreateTask(ctx));
    initiateNext();
  }

  /** Queues the deletion of the IKE SA (close, or after a CHILD SA failure). */
  void deleteIkeSa() {
    queue.clearExchangesOtherThan(ExchangeType.INFORMATIONAL);
    queue.add(new IkeDeleteTask());
    initiateNext();
  }

  /** Queues a liveness check unless a request is outstanding or one is queued already. */
  void checkLiveness() {
    if (sa.requests().busy() || queue.nextExchange() != null) {
      return;
    }
    queue.add(new LivenessTask());
    initiateNext();
  }

  /** Tells the gateway once, without retransmission, that this IKE SA is gone (Delete). */
  void sendOneShotDelete() {
    if (sa.keys() != null) {
      peerRequests.sendOneShotFailure(Optional.empty(), false, ctx.peerSupportsFragmentation());
    }
  }

  /** The failure to report once the IKE SA delete in progress ends, or null. */
  IkeFailure pendingFailure() {
    return failAfterDelete;
  }

  private void insertAfter(Task anchor, List<Task> tasks) {
    queue.insertAfter(anchor, tasks);
  }

  FailureStep currentStep() {
    return Steps.of(activeType, session.state());
  }

  /** Whether IKE_AUTH completed and the session was reported established. */
  boolean isEstablished() {
    return established;
  }

  /** The step to blame when the outstanding request was never answered. */
  FailureStep givenUpStep() {
    if (established && active.stream().anyMatch(t -> t instanceof LivenessTask)) {
      return FailureStep.LIVENESS;
    }
    return currentStep();
  }

  void tearDown() {
    queue.clear();
    reader.reset();
  }

  // ---- sending ----

  private void initiateNext() {
    if (sa.requests().busy() || blocked || session.state().isFinal()) {
      return;
    }
    ExchangeType type = queue.nextExchange();
    if (type == null) {
      queueEmpty();
      return;
    }
    activeType = type;
    active = queue.participants(type);
    List<Payload> payloads = new ArrayList<>();
    try {
      for (Task t : active) {
        if (t.build(payloads) == Task.Status.FAILED) {
          throw new TaskFailure(ctx.failure(), null, null);
        }
      }
      send(type, payloads);
    } catch (TaskFailure f) {
      failed(f);
    } catch (GeneralSecurityException e) {
      failed(TaskFailure.of(currentStep(), ErrorCode.INTERNAL_ERROR, "detail", e.toString()));
    }
  }

  private void send(ExchangeType type, List<Payload> payloads) throws GeneralSecurityException {
    long mid = sa.requests().nextMessageId();
    IkeHeader h = IkeHeader.request(sa.spiInitiator(), sa.spiResponder(), type, mid, true);
    List<byte[]> datagrams;
    if (type.equals(ExchangeType.IKE_SA_INIT)) {
      IkeMessage m = IkeMessage.of(h, payloads);
      datagrams = writer.clear(m);
      ctx.recordInitRequest(datagrams.get(0));
    } else {
      IkeMessage m = IkeMessage.protectedMessage(h, payloads);
      ctx.setLastRequest(m);
      datagrams = writer.sealed(m, sa, ctx.peerSupportsFragmentation());
    }
    session.setState(Steps.stateFor(type, session.state()));
    session.log().debug("{} #{} request {} -->", type, mid, payloads);
    session.retransmitter().send(sa, new OutstandingRequest(mid, type.toString(), datagrams,
        session.loop().nanoTime()));
  }

  private void queueEmpty() {
    if (failAfterDelete != null) {
      session.fail(failAfterDelete);
    } else if (session.state() == SessionState.CLOSING) {
      session.finishClosed(false, true);
    } else if (!established && ctx.isIkeAuthComplete()) {
      established = true;
      session.established(SessionInfos.of(ctx, session.transport(), writer, reader, timings,
          Duration.ofNanos(session.loop().nanoTime() - startNanos)));
    }
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
    if (h.initiatorSpi() != sa.localSpi()) {
      session.log().debug("dropping a message for SPI {}", Long.toHexString(h.initiatorSpi()));
      return;
    }
    try {
      if (h.response()) {
        onResponse(h, datagram);
      } else if (peerRequests.handle(h, datagram, established)) {
        initiateNext();
      }
    } catch (MessageReader.MalformedException e) {
      failed(TaskFailure.of(currentStep(), ErrorCode.PROTOCOL_ERROR, "detail", e.getMessage()));
    }
  }

  private void onResponse(IkeHeader h, byte[] datagram) throws MessageReader.MalformedException {
    if (!sa.requests().matches(h.messageId()) || !h.exchangeType().equals(activeType)) {
      return; // a late duplicate or not ours
    }
    boolean init = h.exchangeType().equals(ExchangeType.IKE_SA_INIT);
    Optional<IkeMessage> m = init ? reader.clear(datagram) : reader.protectedMessage(h, datagram,
        sa);
    if (m.isEmpty()) {
      return;
    }
    OutstandingRequest req = sa.requests().outstanding().orElseThrow();
    req.cancelTimer();
    timings.add(new ExchangeTiming(h.exchangeType().toString(), h.messageId(),
        Duration.ofNanos(session.loop().nanoTime() - req.firstSentNanos()),
        req.transmissions() - 1));
    if (init) {
      ctx.recordInitResponse(datagram);
    }
    session.log().debug("<-- {} #{} response {}", h.exchangeType(), h.messageId(),
        m.get().payloads());
    process(m.get());
  }

  private void process(IkeMessage response) {
    try {
      for (Task t : active) {
        Task.Status s = t.process(response);
        if (ctx.takeRetry()) {
          sa.requests().retrySameId();
          initiateNext();
          return;
        }
        if (s == Task.Status.FAILED) {
          throw new TaskFailure(ctx.failure(), null, null);
        }
        if (s == Task.Status.DONE) {
          queue.remove(t);
        }
      }
    } catch (TaskFailure f) {
      sa.requests().completed();
      failed(f);
      return;
    }
    sa.requests().completed();
    CompletionStage<?> blocker = ctx.takeBlocker();
    if (blocker != null) {
      blocked = true;
      blocker.whenComplete((r, e) -> session.loop().execute(() -> {
        blocked = false;
        initiateNext();
      }));
      return;
    }
    initiateNext();
  }

  /** A task failed: tell the gateway where that helps, then end the session. */
  private void failed(TaskFailure f) {
    IkeFailure failure = f.failure();
    if (f.getCause() != null) {
      session.log().debug("failure cause: {}", f.getCause().toString());
    }
    if (ctx.isIkeAuthComplete() && !session.state().isFinal() && failAfterDelete == null
        && session.state() != SessionState.CLOSING) {
      // The IKE SA is up at the gateway (e.g. only the CHILD SA failed): delete it properly.
      failAfterDelete = failure;
      deleteIkeSa();
      return;
    }
    if (sa.keys() != null && !ctx.isIkeAuthComplete()) {
      peerRequests.sendOneShotFailure(f.notifyToSend(), isGatewayAuthFailure(failure),
          ctx.peerSupportsFragmentation());
    }
    session.fail(failure);
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
}
