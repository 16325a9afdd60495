package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.InvalidSyntaxException;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.RedirectData;
import dev.fulmar.core.ike.sa.ChildSa;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the gateway's INFORMATIONAL requests (RFC 7296 §1.4, §1.5; RFC 4555 §3.6, §3.8; RFC
 * 5685 §6; RFC 4478 §3):
 *
 * <pre>
 *   <--  HDR, SK {}                  liveness check        HDR, SK {}  -->
 *   <--  HDR, SK {D(IKE)}            IKE SA deleted        HDR, SK {}  -->
 *   <--  HDR, SK {D(ESP, SPIs)}      CHILD SAs deleted     HDR, SK {D(ESP, our SPIs)}  -->
 *   <--  HDR, SK {N(COOKIE2), ...}   return routability    HDR, SK {N(COOKIE2)}  -->
 *   <--  HDR, SK {N(REDIRECT)}       go to another gateway HDR, SK {}  -->
 *   <--  HDR, SK {N(AUTH_LIFETIME)}  re-authenticate by    HDR, SK {}  -->
 *   <--  HDR, SK {N(ADDITIONAL_IP4_ADDRESS), ...}  the gateway's other addresses
 * </pre>
 *
 * A Delete for a CHILD SA names the gateway's inbound SPI (our outbound one); the answer names
 * our inbound SPIs of the same SAs (§1.4.1). Unknown SPIs are ignored. Deleting the old SA of a
 * rekey concludes the rekey: its successor carries the traffic from then on.
 */
public final class InformationalResponderTask implements Task {
  private final TaskContext ctx;
  private boolean ikeSaDeleted;
  private final List<Integer> deletedInbound = new ArrayList<>();
  private byte[] cookie2;
  private String redirect;
  private Duration authLifetime;

  public InformationalResponderTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    return ExchangeType.INFORMATIONAL;
  }

  @Override
  public Status process(IkeMessage request) {
    for (DeletePayload d : request.payloads(DeletePayload.class)) {
      if (d.protocol().equals(ProtocolId.IKE)) {
        ikeSaDeleted = true;
      } else if (d.protocol().equals(ProtocolId.ESP)) {
        d.spis().forEach(this::deleteChild);
      }
    }
    readNotifies(request);
    if (request.payloads().isEmpty()) {
      ctx.log.debug("answering the gateway's liveness check");
    }
    return Status.DONE;
  }

  private void readNotifies(IkeMessage request) {
    cookie2 = request.notify(NotifyType.COOKIE2).map(NotifyPayload::data).orElse(null);
    authLifetime = AuthLifetimeTask.read(request).orElse(null);
    if (PeerAddresses.announces(request)) {
      ctx.setPeerAdditionalAddresses(PeerAddresses.read(request));
    }
    request.notify(NotifyType.REDIRECT).ifPresent(n -> {
      try {
        redirect = RedirectData.decode(n.data()).gateway();
      } catch (InvalidSyntaxException e) {
        ctx.log.info("ignoring a malformed REDIRECT: {}", e.getMessage());
      }
    });
    for (NotifyPayload n : request.payloads(NotifyPayload.class)) {
      ctx.log.info("gateway notifies {}", n.notifyType());
    }
  }

  private void deleteChild(long spi) {
    ChildSa child = ctx.sa.childByOutboundSpi(spi).orElse(null);
    if (child == null) {
      return;
    }
    ctx.sa.children().remove(child);
    EspInstall.delete(ctx.params.saInstaller(), child.inboundSpi());
    deletedInbound.add((int) child.inboundSpi());
    child.markDeletedByPeer();
    ChildSa successor = child.passiveSuccessor();
    boolean concludesRekey = successor != null && ctx.sa.children().contains(successor);
    boolean quiet = child.redundant() || child.state() == ChildSa.State.REKEYED
        || child.state() == ChildSa.State.DELETING;
    child.wipe();
    if (concludesRekey) {
      ctx.log.info("the gateway deleted the rekeyed CHILD SA {}_o; {}_i carries the traffic",
          ChildRekeyTask.hex(spi), ChildRekeyTask.hex(successor.inboundSpi()));
      ctx.hooks.childSaRekeyed(child, successor);
    } else if (quiet) {
      ctx.log.debug("the gateway deleted CHILD SA {}_o as part of a rekey",
          ChildRekeyTask.hex(spi));
    } else {
      ctx.log.info("gateway deleted CHILD SA {}_o", ChildRekeyTask.hex(spi));
      ctx.hooks.childSaDeletedByPeer(child);
    }
  }

  @Override
  public Status build(List<Payload> response) {
    if (!ikeSaDeleted && !deletedInbound.isEmpty()) {
      int[] spis = deletedInbound.stream().mapToInt(Integer::intValue).toArray();
      response.add(DeletePayload.childSas(ProtocolId.ESP, spis));
    }
    if (cookie2 != null) {
      response.add(NotifyPayload.of(NotifyType.COOKIE2, cookie2));
    }
    return Status.DONE;
  }

  /** Whether the gateway deleted the IKE SA. */
  public boolean ikeSaDeleted() {
    return ikeSaDeleted;
  }

  /** Whether this request removed the last CHILD SA. */
  public boolean lastChildDeleted() {
    return !deletedInbound.isEmpty() && ctx.sa.children().isEmpty();
  }

  /** The gateway named in a REDIRECT (RFC 5685 §6), or null. */
  public String redirect() {
    return redirect;
  }

  /** The AUTH_LIFETIME the gateway announced now (RFC 4478), or null. */
  public Duration authLifetime() {
    return authLifetime;
  }
}
