package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.auth.SignatureHashAlgorithms;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.message.CertReqPayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.SaPayload;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IKE_SA_INIT as initiator (RFC 7296 §1.2):
 *
 * <pre>
 *   HDR, [N(COOKIE),] SAi1, KEi, Ni, N(FRAGMENTATION_SUPPORTED), N(SIGNATURE_HASH_ALGORITHMS),
 *        [N(INTERMEDIATE_EXCHANGE_SUPPORTED)]  -->
 *                                 <--  HDR, SAr1, KEr, Nr, [CERTREQ,] N(...)
 * </pre>
 *
 * <p>KEi is for the first key exchange method of the first proposal. N(COOKIE) in the answer makes
 * us send the same request again with the cookie (§2.6); N(INVALID_KE_PAYLOAD) with a method we
 * offered makes us send it again with a KE for that method (§1.2). Both reuse message ID 0. The
 * answer's proposal is checked against our offer, then the keys are derived (§2.14) and, if the
 * gateway chose additional key exchanges (RFC 9370), one {@link AdditionalKeyExchangeTask} per
 * method is queued. NAT detection is {@link NatDetectionTask}'s part of the same exchange.
 */
public final class IkeInitTask implements Task {
  static final int NONCE_LENGTH = 32;
  private static final int MAX_COOKIES = 3;
  private static final int MAX_INVALID_KE = 2;

  private final TaskContext ctx;
  private final List<IkeProposal> offered;
  private Algorithm method;
  private KeyExchange keyExchange;
  private byte[] cookie;
  private int cookies;
  private int invalidKe;
  private boolean done;

  public IkeInitTask(TaskContext ctx) {
    this.ctx = ctx;
    this.offered = ctx.params.ikeProposals();
    this.method = offered.get(0).keyExchange().get(0);
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_SA_INIT;
  }

  @Override
  public Status build(List<Payload> out) throws TaskFailure {
    if (ctx.nonceI == null) {
      ctx.nonceI = new byte[NONCE_LENGTH];
      ctx.env.random().nextBytes(ctx.nonceI);
    }
    if (keyExchange == null) {
      keyExchange = newKeyExchange(method);
    }
    if (cookie != null) {
      out.add(0, NotifyPayload.of(NotifyType.COOKIE, cookie)); // first, RFC 7296 §2.6
    }
    out.add(Proposals.ikeOffer(offered));
    out.add(new KePayload(kem(method), keyExchange.publicValue()));
    out.add(new NoncePayload(ctx.nonceI));
    if (ctx.params.fragmentation()) {
      out.add(NotifyPayload.of(NotifyType.FRAGMENTATION_SUPPORTED));
    }
    out.add(NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS,
        SignatureHashAlgorithms.encode(SignatureHashAlgorithms.SUPPORTED)));
    if (offered.stream().anyMatch(p -> p.additionalKeyExchanges().stream()
        .anyMatch(l -> !l.isEmpty()))) {
      out.add(NotifyPayload.of(NotifyType.INTERMEDIATE_EXCHANGE_SUPPORTED));
    }
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    Optional<NotifyPayload> c = in.notify(NotifyType.COOKIE);
    if (c.isPresent()) {
      return retryWithCookie(c.get().data());
    }
    Optional<NotifyPayload> invalid = in.notify(NotifyType.INVALID_KE_PAYLOAD);
    if (invalid.isPresent()) {
      return retryWithMethod(invalid.get().data());
    }
    PeerErrors.check(in, FailureStep.IKE_SA_INIT, "IKE_SA_INIT", offered);
    SaPayload sa = required(in, SaPayload.class, "SA");
    KePayload ke = required(in, KePayload.class, "KE");
    NoncePayload nonce = required(in, NoncePayload.class, "Nonce");
    Proposals.IkeChoice choice = Proposals.ikeChoice(sa, offered);
    if (choice.keyExchange() != method || ke.method().value() != method.transformId()) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT, "the gateway chose key exchange "
          + choice.keyExchange() + " and sent KE " + ke.method() + " for our KE " + method);
    }
    if (in.header().responderSpi() == 0) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT, "the gateway's SPI is zero");
    }
    ctx.sa.setRemoteSpi(in.header().responderSpi());
    ctx.nonceR = nonce.nonce();
    readAnnouncements(in);
    IkeKeys.deriveInitial(ctx, choice, keyExchange, ke.data());
    keyExchange = null;
    recordChoice(choice);
    queueAdditionalKeyExchanges(choice);
    done = true;
    return Status.DONE;
  }

  private Status retryWithCookie(byte[] data) throws TaskFailure {
    if (++cookies > MAX_COOKIES || data.length < 1 || data.length > 64) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT,
          "the gateway keeps asking for a cookie or sent one of " + data.length + " octets");
    }
    ctx.log.debug("gateway asked for a cookie; sending IKE_SA_INIT again with it");
    cookie = data;
    ctx.requestRetry();
    return Status.NEED_MORE;
  }

  private Status retryWithMethod(byte[] data) throws TaskFailure {
    if (data.length != 2) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT, "INVALID_KE_PAYLOAD without a method");
    }
    int id = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
    Algorithm wanted = Algorithm.find(Algorithm.Kind.KEY_EXCHANGE, id, 0).orElse(null);
    if (wanted != null && wanted.isWeak()) {
      throw TaskFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.WEAK_ALGORITHM,
          "who", "the gateway requires key exchange", "algorithm", wanted.displayName());
    }
    boolean offeredIt = wanted != null
        && offered.stream().anyMatch(p -> p.keyExchange().contains(wanted));
    if (!offeredIt || wanted == method || ++invalidKe > MAX_INVALID_KE) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT, "the gateway asked for key exchange "
          + KeyExchangeMethod.valueOf(id) + ", which we did not offer or already used");
    }
    ctx.log.debug("gateway wants key exchange {} instead of {}", wanted, method);
    keyExchange.destroy();
    method = wanted;
    keyExchange = newKeyExchange(method);
    ctx.requestRetry();
    return Status.NEED_MORE;
  }

  private void readAnnouncements(IkeMessage in) throws TaskFailure {
    TaskContext.PeerAnnouncements peer = ctx.peer;
    peer.fragmentation = in.notify(NotifyType.FRAGMENTATION_SUPPORTED).isPresent();
    peer.intermediate = in.notify(NotifyType.INTERMEDIATE_EXCHANGE_SUPPORTED).isPresent();
    Optional<NotifyPayload> hashes = in.notify(NotifyType.SIGNATURE_HASH_ALGORITHMS);
    if (hashes.isPresent()) {
      try {
        SignatureHashAlgorithms.decode(hashes.get().data())
            .forEach(h -> peer.signatureHashes.add(h));
      } catch (dev.fulmar.core.ike.auth.AuthDataException e) {
        throw Proposals.protocol(FailureStep.IKE_SA_INIT, e.getMessage());
      }
    }
    for (CertReqPayload cr : in.payloads(CertReqPayload.class)) {
      peer.certificateRequests.add(cr.authority());
    }
  }

  private void recordChoice(Proposals.IkeChoice choice) {
    TaskContext.Negotiated r = ctx.result;
    r.encryption = choice.encryption();
    r.integrity = choice.integrity();
    r.prf = choice.prf();
    r.keyExchanges.clear();
    r.keyExchanges.add(choice.keyExchange());
  }

  private void queueAdditionalKeyExchanges(Proposals.IkeChoice choice) throws TaskFailure {
    List<Algorithm> extra = choice.additionalKeyExchanges();
    if (extra.isEmpty()) {
      KeyLogger.ikeSa(ctx);
      return;
    }
    if (!ctx.peer.intermediate) {
      throw Proposals.protocol(FailureStep.IKE_SA_INIT, "the gateway chose additional key"
          + " exchanges without announcing IKE_INTERMEDIATE support");
    }
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < extra.size(); i++) {
      tasks.add(new AdditionalKeyExchangeTask(ctx, extra.get(i), i == extra.size() - 1));
    }
    ctx.hooks.insertAfter(this, tasks);
  }

  private KeyExchange newKeyExchange(Algorithm m) throws TaskFailure {
    try {
      return KeyExchanges.initiate(m.transformId(), ctx.env.random());
    } catch (GeneralSecurityException e) {
      throw TaskFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.INTERNAL_ERROR,
          "detail", "key exchange " + m + ": " + e.getMessage()).causedBy(e);
    }
  }

  static KeyExchangeMethod kem(Algorithm a) {
    return KeyExchangeMethod.valueOf(a.transformId());
  }

  static <T extends Payload> T required(IkeMessage in, Class<T> type, String name)
      throws TaskFailure {
    return in.first(type).orElseThrow(() -> Proposals.protocol(
        FailureStep.IKE_SA_INIT, "the gateway's " + in.header().exchangeType()
            + " response has no " + name + " payload"));
  }
}
