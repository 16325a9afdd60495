package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.ResponseWindow;
import dev.fulmar.core.ike.sa.SaId;
import dev.fulmar.core.ike.task.ChildRekeyResponder;
import dev.fulmar.core.ike.task.IkeRekeyResponder;
import dev.fulmar.core.ike.task.InformationalResponderTask;
import dev.fulmar.core.ike.task.RekeyResponder;
import dev.fulmar.core.ike.task.TaskFailure;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's requests on one IKE SA (we are the responder for them, RFC 7296 §2.2): a new one
 * is processed and answered, a retransmitted one gets the cached answer (§2.1), anything else is
 * dropped. Liveness checks, Deletes and notifications are answered by {@link
 * InformationalResponderTask}; CREATE_CHILD_SA rekeys a CHILD SA ({@link ChildRekeyResponder}) or
 * the IKE SA ({@link IkeRekeyResponder}), with their IKE_FOLLOWUP_KE exchanges (RFC 9370); new
 * CHILD SAs are declined with NO_ADDITIONAL_SAS.
 *
 * <p>A rekey waiting for the gateway's next IKE_FOLLOWUP_KE waits as long as we would wait for an
 * answer of our own (the retransmission policy's give-up time, since the gateway may retransmit
 * its request that long); after that it is given up (RFC 9370 §2.2.4), so that a gateway that
 * lost its state does not block every later rekey with TEMPORARY_FAILURE.
 */
final class PeerRequests {
  private final Session session;
  private final Lane lane;
  private final IkeSa sa;
  private final MessageWriter writer;
  private final MessageReader reader;
  /** A rekey responder waiting for its IKE_FOLLOWUP_KE requests, or null. */
  private RekeyResponder followup;
  private SessionLoop.Timer followupTimer;
  /** Counts the waits, so that a timer of an earlier one does nothing. */
  private int followupWaits;

  PeerRequests(Session session, Lane lane, MessageWriter writer, MessageReader reader) {
    this.session = session;
    this.lane = lane;
    this.sa = lane.sa();
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * Handles one request datagram.
   *
   * @return the INFORMATIONAL request's task once answered (for the session to act on), or null
   */
  InformationalResponderTask handle(IkeHeader h, byte[] datagram)
      throws MessageReader.MalformedException {
    if (sa.keys() == null || h.initiator() == sa.isInitiator()) {
      return null;
    }
    ResponseWindow window = sa.responses();
    ResponseWindow.Verdict v = window.classify(h.messageId());
    if (v == ResponseWindow.Verdict.RETRANSMISSION) {
      session.transport().send(window.lastResponse());
      return null;
    }
    if (v == ResponseWindow.Verdict.OUT_OF_WINDOW) {
      session.log().debug("dropping gateway request #{} outside the window", h.messageId());
      return null;
    }
    Optional<IkeMessage> m = reader.protectedMessage(h, datagram, sa);
    if (m.isEmpty()) {
      return null;
    }
    session.log().debug("<-- {} #{} request {}", h.exchangeType(), h.messageId(),
        m.get().payloads());
    List<Payload> answer = new ArrayList<>();
    ExchangeType type = h.exchangeType();
    InformationalResponderTask info = null;
    if (type.equals(ExchangeType.INFORMATIONAL)) {
      info = new InformationalResponderTask(lane.ctx());
      info.process(m.get());
      info.build(answer);
    } else if (type.equals(ExchangeType.CREATE_CHILD_SA)) {
      createChildSa(m.get(), answer);
    } else if (type.equals(ExchangeType.IKE_FOLLOWUP_KE)) {
      followupKe(m.get(), answer);
    } else {
      session.log().info("ignoring a gateway {} request", type);
      return null;
    }
    respond(h, answer);
    return info;
  }

  private void createChildSa(IkeMessage request, List<Payload> answer) {
    RekeyResponder responder;
    if (ChildRekeyResponder.rekeysChildSa(request)) {
      responder = new ChildRekeyResponder(lane.ctx());
    } else if (IkeRekeyResponder.rekeysIkeSa(request)) {
      responder = new IkeRekeyResponder(lane.ctx());
    } else {
      session.log().info("declining the gateway's new CHILD SA (one tunnel per session)");
      answer.add(NotifyPayload.of(NotifyType.NO_ADDITIONAL_SAS));
      return;
    }
    if (followup != null) {
      session.log().debug("the gateway starts a rekey while another one waits for"
          + " IKE_FOLLOWUP_KE; TEMPORARY_FAILURE");
      answer.add(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
      return;
    }
    answerWith(responder, request, answer);
  }

  private void followupKe(IkeMessage request, List<Payload> answer) {
    if (followup == null || !followup.continuedBy(request)) {
      answer.add(NotifyPayload.of(NotifyType.STATE_NOT_FOUND));
      return;
    }
    answerWith(followup, request, answer);
  }

  private void answerWith(RekeyResponder responder, IkeMessage request, List<Payload> answer) {
    try {
      responder.process(request);
    } catch (TaskFailure f) {
      session.log().info("refusing the gateway's rekey: {}", f.failure());
      responder.abandon();
      followup = null;
      waitForFollowup();
      answer.add(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
      return;
    }
    responder.build(answer);
    followup = responder.waitingForFollowup() ? responder : null;
    waitForFollowup();
  }

  /** Starts the wait for the gateway's next IKE_FOLLOWUP_KE, or ends it when none is due. */
  private void waitForFollowup() {
    if (followupTimer != null) {
      followupTimer.cancel();
      followupTimer = null;
    }
    if (followup != null) {
      followupTimer = session.loop().schedule(followupWait(),
          followupExpiry(session, sa.id(), ++followupWaits));
    }
  }

  private Duration followupWait() {
    return session.params().retransmission().giveUpAfter();
  }

  /** The timer refers to the IKE SA by id (STYLE #9): once the SA is gone it does nothing. */
  private static Runnable followupExpiry(Session session, SaId id, int wait) {
    return () -> session.registry().find(id).map(session.exchanges()::laneOf)
        .ifPresent(lane -> lane.peerRequests().followupExpired(wait));
  }

  private void followupExpired(int wait) {
    if (followup == null || wait != followupWaits) {
      return;
    }
    session.log().info("the gateway did not continue its rekey with IKE_FOLLOWUP_KE within {};"
        + " giving the rekey up", followupWait());
    followup.abandon();
    followup = null;
    followupTimer = null;
  }

  private void respond(IkeHeader request, List<Payload> payloads) {
    IkeMessage response = IkeMessage.protectedMessage(IkeHeader.responseTo(request), payloads);
    try {
      List<byte[]> datagrams = writer.sealed(response, sa, true);
      sa.responses().responded(datagrams);
      session.log().debug("{} #{} response {} -->", request.exchangeType(),
          request.messageId(), payloads);
      session.transport().send(datagrams);
    } catch (GeneralSecurityException e) {
      session.fail(IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.INTERNAL_ERROR,
          "detail", e.toString()));
    }
  }

  /**
   * Tells the gateway once, without retransmission, that we abandon the half-open IKE SA (RFC
   * 7296 §2.21.2): the task's error notify, or AUTHENTICATION_FAILED when the gateway failed to
   * authenticate, followed by a Delete so that the gateway frees the SA now rather than after its
   * half-open timeout.
   */
  void sendOneShotFailure(Optional<NotifyPayload> notify, boolean gatewayAuthFailed,
      boolean peerFragmentation) {
    List<Payload> payloads = new ArrayList<>();
    notify.ifPresent(payloads::add);
    if (notify.isEmpty() && gatewayAuthFailed) {
      payloads.add(NotifyPayload.of(NotifyType.AUTHENTICATION_FAILED));
    }
    payloads.add(DeletePayload.ikeSa());
    long mid = sa.requests().nextMessageId();
    IkeHeader h = IkeHeader.request(sa.spiInitiator(), sa.spiResponder(),
        ExchangeType.INFORMATIONAL, mid, sa.isInitiator());
    try {
      session.transport().send(writer.sealed(IkeMessage.protectedMessage(h, payloads), sa,
          peerFragmentation));
      session.log().debug("INFORMATIONAL #{} {} --> (not retransmitted)", mid, payloads);
    } catch (GeneralSecurityException | RuntimeException e) {
      session.log().debug("could not tell the gateway: {}", e.toString());
    }
  }
}
