package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.ExchangeTiming;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.task.Task;
import dev.fulmar.core.ike.task.TaskContext;
import dev.fulmar.core.ike.task.TaskFailure;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The exchanges of one IKE SA (STYLE #2): its task queue, the one request it may have outstanding
 * (RFC 7296 §2.3, window size 1) and the gateway's requests on it. A session has one lane per IKE
 * SA it holds: the current one, and during an IKE SA rekey (§2.18) the old SA until its Delete and
 * the new SA of a collision until it is decided. Runs on the session loop only.
 */
final class Lane {
  /** A liveness check gets at least this long (three transmissions) before it is given up. */
  static final Duration MIN_LIVENESS_GIVE_UP = Duration.ofSeconds(5);

  /** What the lane reports to its coordinator. */
  interface Owner {
    /** The task queue of {@code lane} is empty and nothing is outstanding. */
    void idle(Lane lane);

    /** A task of {@code lane} failed. */
    void failed(Lane lane, TaskFailure failure);

    /** An exchange completed; for the connection's timings. */
    void timed(ExchangeTiming timing);

    /** A task of {@code lane} read a REDIRECT to {@code gateway} (RFC 5685) while connecting. */
    void redirected(Lane lane, String gateway);
  }

  private final Session session;
  private final Owner owner;
  private final IkeSa sa;
  private final TaskContext ctx;
  private final TaskQueue queue = new TaskQueue();
  private final MessageWriter writer;
  private final MessageReader reader;
  private final PeerRequests peerRequests;
  private List<Task> active = List.of();
  private ExchangeType activeType;
  private ExchangeType lastCompleted;
  private boolean blocked;

  Lane(Session session, Owner owner, IkeSa sa, SessionHooksImpl hooks, MessageWriter writer,
      MessageReader reader) {
    this.session = session;
    this.owner = owner;
    this.sa = sa;
    this.writer = writer;
    this.reader = reader;
    this.ctx = new TaskContext(session.params(), session.env(), sa, hooks, session.log());
    hooks.attach(this);
    this.peerRequests = new PeerRequests(session, this, writer, reader);
  }

  IkeSa sa() {
    return sa;
  }

  TaskContext ctx() {
    return ctx;
  }

  TaskQueue queue() {
    return queue;
  }

  PeerRequests peerRequests() {
    return peerRequests;
  }

  ExchangeType activeType() {
    return activeType;
  }

  /** The type of the last exchange of ours that completed, or null. */
  ExchangeType lastCompleted() {
    return lastCompleted;
  }

  List<Task> active() {
    return active;
  }

  /**
   * Whether this lane's SA carries {@code h}: its SPIs (the responder's is 0 before it is known).
   */
  boolean owns(IkeHeader h) {
    if (h.initiatorSpi() != sa.spiInitiator()) {
      return false;
    }
    return h.responderSpi() == sa.spiResponder() || (sa.isInitiator() && sa.remoteSpi() == 0);
  }

  void add(Task t) {
    queue.add(t);
  }

  void insertAfter(Task anchor, List<Task> tasks) {
    queue.insertAfter(anchor, tasks);
  }

  /** Starts the next exchange if none is outstanding and a task wants one. */
  void initiateNext() {
    if (sa.requests().busy() || blocked || session.state().isFinal()) {
      return;
    }
    ExchangeType type = queue.nextExchange();
    if (type == null) {
      owner.idle(this);
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
      owner.failed(this, f);
    } catch (GeneralSecurityException e) {
      owner.failed(this, TaskFailure.of(Steps.of(type, session.state()),
          ErrorCode.INTERNAL_ERROR, "detail", e.toString()));
    }
  }

  private void send(ExchangeType type, List<Payload> payloads) throws GeneralSecurityException {
    long mid = sa.requests().nextMessageId();
    IkeHeader h = IkeHeader.request(sa.spiInitiator(), sa.spiResponder(), type, mid,
        sa.isInitiator());
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
    if (session.state() != dev.fulmar.core.api.SessionState.ESTABLISHED) {
      session.setState(Steps.stateFor(type, session.state())); // not for a re-authentication
    }
    session.log().debug("{} #{} request {} -->", type, mid, payloads);
    boolean liveness = type.equals(ExchangeType.INFORMATIONAL)
        && (payloads.isEmpty() || updatesAddresses(payloads));
    session.retransmitter().send(sa, new OutstandingRequest(mid, type.toString(), datagrams,
        session.loop().nanoTime(), liveness ? livenessGiveUp() : null));
  }

  /**
   * Whether the request is a MOBIKE address update (RFC 4555 §3.5). A gateway that holds the SA
   * answers it at once, like a liveness check; an unanswered one means that the session is gone or
   * cannot be reached from here, so it is given up as early as a liveness check. After a resume
   * from sleep it is the check, and the full retransmission give-up would keep a dead tunnel for a
   * minute.
   */
  private static boolean updatesAddresses(List<Payload> payloads) {
    return payloads.stream().anyMatch(p -> p instanceof NotifyPayload n
        && n.notifyType().equals(NotifyType.UPDATE_SA_ADDRESSES));
  }

  /**
   * How long a liveness check (or a MOBIKE address update) waits for an answer: the DPD interval
   * (at least {@link #MIN_LIVENESS_GIVE_UP}, at most the policy's give-up time), so that a dead
   * gateway is noticed within two DPD intervals rather than a minute after the first unanswered
   * check. With DPD off, the policy's give-up time. Shorter once after {@link
   * Session#answerNextCheckWithin} (a resume from sleep).
   */
  private Duration livenessGiveUp() {
    Duration policy = session.params().retransmission().giveUpAfter();
    Duration dpd = session.params().dpdInterval();
    Duration wait = policy;
    if (!dpd.isZero()) {
      wait = dpd.compareTo(MIN_LIVENESS_GIVE_UP) < 0 ? MIN_LIVENESS_GIVE_UP : dpd;
      wait = wait.compareTo(policy) > 0 ? policy : wait;
    }
    Duration hurried = session.takeNextCheckWithin();
    return hurried != null && hurried.compareTo(wait) < 0 ? hurried : wait;
  }

  /** A response on this lane's SA. */
  void onResponse(IkeHeader h, byte[] datagram) throws MessageReader.MalformedException {
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
    session.gatewayAnswered();
    owner.timed(new ExchangeTiming(h.exchangeType().toString(), h.messageId(),
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
        if (ctx.redirectPending()) {
          sa.requests().completed();
          active = List.of();
          owner.redirected(this, ctx.takeRedirect());
          return;
        }
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
      active = List.of();
      owner.failed(this, f);
      return;
    }
    sa.requests().completed();
    active = List.of();
    lastCompleted = activeType;
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

  /**
   * Moves the queued tasks that have not started to {@code next} (this lane's SA was replaced by
   * a rekey); tasks that cannot move are dropped.
   */
  void moveWaitingTasksTo(Lane next) {
    for (Task t : queue.waiting(active)) {
      queue.remove(t);
      Task moved = t.movedTo(next.ctx);
      if (moved != null) {
        next.add(moved);
      }
    }
  }

  /** Drops every task except those of {@code keep}. */
  void clearExchangesOtherThan(ExchangeType keep) {
    queue.clearExchangesOtherThan(keep);
  }

  void clear() {
    queue.clear();
  }
}
