package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.auth.IntermediateAuth;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.crypto.Prf;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.Payload;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * One additional key exchange in IKE_INTERMEDIATE (RFC 9370 §2.2.2, RFC 9242):
 *
 * <pre>
 *   HDR, SK {KEi(n)}  -->
 *                <--  HDR, SK {KEr(n)}
 * </pre>
 *
 * <p>Both messages are folded into the IntAuth chains with the keys that protected them (RFC 9242
 * §3.3.2), then SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr) gives the keys of the next exchange.
 */
final class AdditionalKeyExchangeTask implements Task {
  private final TaskContext ctx;
  private final Algorithm method;
  private final boolean last;
  private KeyExchange keyExchange;
  private boolean done;

  AdditionalKeyExchangeTask(TaskContext ctx, Algorithm method, boolean last) {
    this.ctx = ctx;
    this.method = method;
    this.last = last;
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_INTERMEDIATE;
  }

  @Override
  public Status build(List<Payload> out) throws TaskFailure {
    if (keyExchange == null) {
      try {
        keyExchange = KeyExchanges.initiate(method.transformId(), ctx.env.random());
      } catch (GeneralSecurityException e) {
        throw TaskFailure.of(FailureStep.IKE_INTERMEDIATE, ErrorCode.INTERNAL_ERROR,
            "detail", "key exchange " + method + ": " + e.getMessage()).causedBy(e);
      }
    }
    out.add(new KePayload(IkeInitTask.kem(method), keyExchange.publicValue()));
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    PeerErrors.check(in, FailureStep.IKE_INTERMEDIATE, "IKE_INTERMEDIATE", null);
    KePayload ke = in.first(KePayload.class).orElseThrow(() -> Proposals.protocol(
        FailureStep.IKE_INTERMEDIATE, "the IKE_INTERMEDIATE response has no KE payload"));
    if (ke.method().value() != method.transformId()) {
      throw Proposals.protocol(FailureStep.IKE_INTERMEDIATE,
          "the gateway answered KE " + ke.method() + " for our " + method);
    }
    foldIntAuth(in);
    IkeKeys.deriveAfterAdditional(ctx, keyExchange, ke.data());
    keyExchange = null;
    ctx.result.keyExchanges.add(method);
    ctx.log.debug("additional key exchange {} done", method);
    if (last) {
      KeyLogger.ikeSa(ctx);
    }
    done = true;
    return Status.DONE;
  }

  /** IntAuth_in = prf(SK_pi, IntAuth_i(n-1) | A | P), the same for the responder with SK_pr. */
  private void foldIntAuth(IkeMessage response) {
    Prf prf = ctx.sa.keys().prf();
    byte[] skPi = ctx.sa.keys().material().skPi();
    byte[] skPr = ctx.sa.keys().material().skPr();
    try {
      ctx.intAuthI = IntermediateAuth.next(prf, skPi, ctx.intAuthI,
          ctx.lastRequest().intAuthOctets(), null);
      ctx.intAuthR = IntermediateAuth.next(prf, skPr, ctx.intAuthR,
          response.intAuthOctets(), null);
    } finally {
      Arrays.fill(skPi, (byte) 0);
      Arrays.fill(skPr, (byte) 0);
    }
  }
}
