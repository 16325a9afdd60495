package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.InvalidSyntaxException;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.RedirectData;
import java.security.MessageDigest;
import java.util.List;

/**
 * The gateway redirect of RFC 5685 during connect. In IKE_SA_INIT (queued before {@link
 * IkeInitTask}, so that a redirect is seen before anything looks for SA and KE):
 *
 * <pre>
 *   HDR, SAi1, KEi, Ni, N(REDIRECT_SUPPORTED) | N(REDIRECTED_FROM)  -->
 *                          <--  HDR, N(REDIRECT(new gateway, Ni))
 * </pre>
 *
 * and in the last IKE_AUTH response (queued after {@link IkeAuthTask}, so the gateway's AUTH is
 * verified before the redirect is believed, RFC 5685 §6):
 *
 * <pre>
 *                          <--  HDR, SK {IDr, [CERT,] AUTH, N(REDIRECT(new gateway))}
 * </pre>
 *
 * The REDIRECT of IKE_SA_INIT is not protected: it counts only if it echoes our nonce. A redirect
 * tells the session, which starts over with the new gateway.
 */
public final class RedirectTask implements Task {
  private final TaskContext ctx;
  private final ExchangeType type;
  private boolean done;

  private RedirectTask(TaskContext ctx, ExchangeType type) {
    this.ctx = ctx;
    this.type = type;
  }

  /** The IKE_SA_INIT part: announce support (or where we were redirected from), read REDIRECT. */
  public static RedirectTask init(TaskContext ctx) {
    return new RedirectTask(ctx, ExchangeType.IKE_SA_INIT);
  }

  /** The IKE_AUTH part: read REDIRECT in the authenticated last response. */
  public static RedirectTask auth(TaskContext ctx) {
    return new RedirectTask(ctx, ExchangeType.IKE_AUTH);
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : type;
  }

  @Override
  public Status build(List<Payload> out) {
    if (type.equals(ExchangeType.IKE_SA_INIT)) {
      if (ctx.redirectedFrom().isPresent()) {
        out.add(NotifyPayload.of(NotifyType.REDIRECTED_FROM,
            RedirectData.of(ctx.redirectedFrom().get()).encode()));
      } else {
        out.add(NotifyPayload.of(NotifyType.REDIRECT_SUPPORTED));
      }
    }
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    boolean init = type.equals(ExchangeType.IKE_SA_INIT);
    if (!init && !ctx.ikeAuthComplete) {
      return Status.NEED_MORE;
    }
    NotifyPayload n = in.notify(NotifyType.REDIRECT).orElse(null);
    if (n == null && init && in.first(dev.fulmar.core.ike.message.SaPayload.class).isEmpty()) {
      return Status.NEED_MORE; // COOKIE or INVALID_KE_PAYLOAD: the retry announces it again
    }
    done = true;
    if (n == null) {
      return Status.DONE;
    }
    RedirectData r;
    try {
      r = RedirectData.decode(n.data());
    } catch (InvalidSyntaxException e) {
      throw Proposals.protocol(init ? FailureStep.IKE_SA_INIT : FailureStep.IKE_AUTH,
          e.getMessage());
    }
    if (init && !MessageDigest.isEqual(r.nonce(), ctx.nonceI)) {
      ctx.log.info("ignoring a REDIRECT to {} that does not echo our nonce", r.gateway());
      return Status.DONE;
    }
    ctx.log.info("the gateway redirects us to {}", r.gateway());
    ctx.redirectTo(r.gateway());
    return Status.DONE;
  }
}
