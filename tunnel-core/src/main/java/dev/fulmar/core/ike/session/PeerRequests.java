package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.ResponseWindow;
import dev.fulmar.core.ike.task.InformationalResponderTask;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's requests on our IKE SA (we are the responder for them, RFC 7296 §2.2): a new one
 * is processed and answered, a retransmitted one gets the cached answer (§2.1), anything else is
 * dropped. Liveness checks and Deletes are answered by {@link InformationalResponderTask}; CHILD SA
 * creation by the gateway is declined with NO_ADDITIONAL_SAS until rekeying lands.
 */
final class PeerRequests {
  private final Session session;
  private final IkeSa sa;
  private final MessageWriter writer;
  private final MessageReader reader;

  PeerRequests(Session session, IkeSa sa, MessageWriter writer, MessageReader reader) {
    this.session = session;
    this.sa = sa;
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * Handles one request datagram.
   *
   * @param established whether the IKE SA completed IKE_AUTH
   * @return whether the session should look at its queue again (a delete was queued)
   */
  boolean handle(IkeHeader h, byte[] datagram, boolean established)
      throws MessageReader.MalformedException {
    if (sa.keys() == null || h.initiator()) {
      return false;
    }
    ResponseWindow window = sa.responses();
    ResponseWindow.Verdict v = window.classify(h.messageId());
    if (v == ResponseWindow.Verdict.RETRANSMISSION) {
      session.transport().send(window.lastResponse());
      return false;
    }
    if (v == ResponseWindow.Verdict.OUT_OF_WINDOW) {
      session.log().debug("dropping gateway request #{} outside the window", h.messageId());
      return false;
    }
    Optional<IkeMessage> m = reader.protectedMessage(h, datagram, sa);
    if (m.isEmpty()) {
      return false;
    }
    session.log().debug("<-- {} #{} request {}", h.exchangeType(), h.messageId(),
        m.get().payloads());
    List<Payload> answer = new ArrayList<>();
    InformationalResponderTask info = null;
    if (h.exchangeType().equals(ExchangeType.INFORMATIONAL)) {
      info = new InformationalResponderTask(sa, session.log(),
          session.params().saInstaller());
      info.process(m.get());
      info.build(answer);
    } else if (h.exchangeType().equals(ExchangeType.CREATE_CHILD_SA)) {
      session.log().info("declining the gateway's CREATE_CHILD_SA (rekeying not supported yet)");
      answer.add(NotifyPayload.of(NotifyType.NO_ADDITIONAL_SAS));
    } else {
      session.log().info("ignoring a gateway {} request", h.exchangeType());
      return false;
    }
    respond(h, answer);
    return afterAnswer(info, established);
  }

  private boolean afterAnswer(InformationalResponderTask info, boolean established) {
    if (info == null) {
      return false;
    }
    if (info.ikeSaDeleted()) {
      session.log().info("the gateway deleted the IKE SA");
      if (established) {
        session.finishClosed(true, true);
      } else {
        session.fail(IkeFailure.of(session.exchanges().currentStep(), ErrorCode.PEER_DELETED));
      }
      return false;
    }
    if (info.lastChildDeleted() && established) {
      session.log().info("the gateway deleted the last CHILD SA; closing the IKE SA");
      session.closeBecauseGatewayEnded();
      return true;
    }
    return false;
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
        ExchangeType.INFORMATIONAL, mid, true);
    try {
      session.transport().send(writer.sealed(IkeMessage.protectedMessage(h, payloads), sa,
          peerFragmentation));
      session.log().debug("INFORMATIONAL #{} {} --> (not retransmitted)", mid, payloads);
    } catch (GeneralSecurityException | RuntimeException e) {
      session.log().debug("could not tell the gateway: {}", e.toString());
    }
  }
}
