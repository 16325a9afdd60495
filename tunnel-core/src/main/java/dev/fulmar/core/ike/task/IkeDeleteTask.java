package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.Payload;
import java.util.List;

/**
 * Deletes the IKE SA (RFC 7296 §1.4.1), and with it all its CHILD SAs:
 *
 * <pre>
 *   HDR, SK {D(IKE)}  -->
 *            <--  HDR, SK {}
 * </pre>
 *
 * Any authentic response completes it; an unanswered one is given up by the retransmission
 * timer like any request.
 */
public final class IkeDeleteTask implements Task {
  private boolean done;

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.INFORMATIONAL;
  }

  @Override
  public Status build(List<Payload> out) {
    out.add(DeletePayload.ikeSa());
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) {
    done = true;
    return Status.DONE;
  }
}
