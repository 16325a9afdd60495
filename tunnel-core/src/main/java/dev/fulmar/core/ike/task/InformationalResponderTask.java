package dev.fulmar.core.ike.task;

import dev.fulmar.core.esp.SaInstaller;
import dev.fulmar.core.ike.SessionLog;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Answers the gateway's INFORMATIONAL requests (RFC 7296 §1.4, §1.5):
 *
 * <pre>
 *   <--  HDR, SK {}                  liveness check        HDR, SK {}  -->
 *   <--  HDR, SK {D(IKE)}            IKE SA deleted        HDR, SK {}  -->
 *   <--  HDR, SK {D(ESP, SPIs)}      CHILD SAs deleted     HDR, SK {D(ESP, our SPIs)}  -->
 * </pre>
 *
 * A Delete for a CHILD SA names the gateway's inbound SPI (our outbound one); the answer names
 * our inbound SPIs of the same SAs (§1.4.1). Unknown SPIs are ignored.
 */
public final class InformationalResponderTask implements Task {
  private final IkeSa sa;
  private final SessionLog log;
  private final Optional<SaInstaller> installer;
  private boolean ikeSaDeleted;
  private final List<Integer> deletedInbound = new ArrayList<>();

  public InformationalResponderTask(IkeSa sa, SessionLog log, Optional<SaInstaller> installer) {
    this.sa = sa;
    this.log = log;
    this.installer = installer;
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
        deleteChildren(d.spis());
      }
    }
    for (NotifyPayload n : request.payloads(NotifyPayload.class)) {
      log.info("gateway notifies {}", n.notifyType());
    }
    if (request.payloads().isEmpty()) {
      log.debug("answering the gateway's liveness check");
    }
    return Status.DONE;
  }

  private void deleteChildren(List<Long> spis) {
    for (long spi : spis) {
      for (Iterator<ChildSa> it = sa.children().iterator(); it.hasNext(); ) {
        ChildSa child = it.next();
        if (child.outboundSpi() == spi) {
          it.remove();
          EspInstall.delete(installer, child.inboundSpi());
          child.keys().destroy();
          deletedInbound.add((int) child.inboundSpi());
          log.info("gateway deleted CHILD SA {}_o", String.format("%08x", spi));
        }
      }
    }
  }

  @Override
  public Status build(List<Payload> response) {
    if (!ikeSaDeleted && !deletedInbound.isEmpty()) {
      int[] spis = deletedInbound.stream().mapToInt(Integer::intValue).toArray();
      response.add(DeletePayload.childSas(ProtocolId.ESP, spis));
    }
    return Status.DONE;
  }

  /** Whether the gateway deleted the IKE SA. */
  public boolean ikeSaDeleted() {
    return ikeSaDeleted;
  }

  /** Whether this request removed the last CHILD SA. */
  public boolean lastChildDeleted() {
    return !deletedInbound.isEmpty() && sa.children().isEmpty();
  }
}
