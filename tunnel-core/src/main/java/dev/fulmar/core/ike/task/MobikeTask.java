package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.util.List;

/**
 * Announces MOBIKE in IKE_AUTH (RFC 4555 §3.2) and learns whether the gateway supports it:
 *
 * <pre>
 *   HDR, SK {IDi, ..., N(MOBIKE_SUPPORTED), ...}  -->
 *                              <--  HDR, SK {IDr, ..., N(MOBIKE_SUPPORTED), ...}
 * </pre>
 *
 * The gateway's addresses besides the one we use (ADDITIONAL_IP4/6_ADDRESS, §3.4) are kept for
 * when that one stops answering.
 */
public final class MobikeTask implements Task {
  private final TaskContext ctx;
  private boolean sent;
  private boolean done;

  public MobikeTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_AUTH;
  }

  @Override
  public Status build(List<Payload> out) {
    if (!sent) {
      out.add(NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED));
      sent = true;
    }
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) {
    if (in.notify(NotifyType.MOBIKE_SUPPORTED).isPresent()) {
      ctx.peer.mobike = true;
    }
    List<java.net.InetAddress> more = PeerAddresses.read(in);
    if (!more.isEmpty()) {
      ctx.setPeerAdditionalAddresses(more);
    }
    if (!ctx.ikeAuthComplete) {
      return Status.NEED_MORE;
    }
    done = true;
    ctx.log.debug("MOBIKE {}", ctx.peer.mobike ? "supported by both sides" : "not supported by"
        + " the gateway");
    return Status.DONE;
  }
}
