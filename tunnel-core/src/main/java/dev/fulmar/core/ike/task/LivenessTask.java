package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.Payload;
import java.util.List;

/**
 * Dead-peer detection (RFC 7296 §2.4): an empty INFORMATIONAL request, which the gateway must
 * answer.
 *
 * <pre>
 *   HDR, SK {}  -->
 *          <--  HDR, SK {}
 * </pre>
 *
 * Any authentic response proves the gateway alive; an unanswered request is given up by the
 * retransmission timer, which ends the session as unreachable.
 */
public final class LivenessTask implements Task {
  private boolean done;

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.INFORMATIONAL;
  }

  @Override
  public Status build(List<Payload> out) {
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) {
    done = true;
    return Status.DONE;
  }
}
