package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the gateway's AUTH_LIFETIME (RFC 4478 §3) from the last IKE_AUTH response: how long our
 * authentication stays valid, after which the gateway deletes the IKE SA unless we have
 * re-authenticated (with a new IKE SA) before.
 *
 * <pre>
 *                       <--  HDR, SK {..., N(AUTH_LIFETIME(seconds)), ...}
 * </pre>
 */
public final class AuthLifetimeTask implements Task {
  private final TaskContext ctx;
  private boolean done;

  public AuthLifetimeTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  /** The lifetime in an AUTH_LIFETIME notify of {@code in}, if a well-formed one is there. */
  public static Optional<Duration> read(IkeMessage in) {
    return in.notify(NotifyType.AUTH_LIFETIME).map(NotifyPayload::data)
        .filter(d -> d.length == 4)
        .map(d -> Duration.ofSeconds(ByteBuffer.wrap(d).getInt() & 0xffffffffL));
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_AUTH;
  }

  @Override
  public Status build(List<Payload> out) {
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) {
    read(in).ifPresent(d -> ctx.authLifetime = d);
    if (!ctx.ikeAuthComplete) {
      return Status.NEED_MORE;
    }
    done = true;
    if (ctx.authLifetime != null) {
      ctx.log.info("the gateway wants us to re-authenticate within {} s",
          ctx.authLifetime.toSeconds());
    }
    return Status.DONE;
  }
}
