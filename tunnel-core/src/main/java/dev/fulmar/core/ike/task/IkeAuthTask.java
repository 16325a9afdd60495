package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.auth.GatewayAuthException;
import dev.fulmar.core.ike.auth.PskAuth;
import dev.fulmar.core.ike.message.AuthMethod;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.CertPayload;
import dev.fulmar.core.ike.message.EapPayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.IdType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * IKE_AUTH as initiator (RFC 7296 §1.2, §2.15, §2.16). Certificate or PSK:
 *
 * <pre>
 *   HDR, SK {IDi, [CERT,] [CERTREQ,] [IDr,] AUTH, ...}  -->
 *                               <--  HDR, SK {IDr, [CERT,] AUTH, ...}
 * </pre>
 *
 * EAP, where the gateway proves itself before we ask for or use any secret:
 *
 * <pre>
 *   HDR, SK {IDi, CERTREQ, [IDr,] ...}          -->   (no AUTH)
 *                        <--  HDR, SK {IDr, CERT, AUTH, EAP}   gateway verified here
 *   HDR, SK {EAP}  -->   ...   <--  HDR, SK {EAP(Success)}
 *   HDR, SK {AUTH}  -->                                       AUTH from the MSK
 *                        <--  HDR, SK {AUTH, ...}
 * </pre>
 *
 * CP, SA and TS of the first CHILD SA are {@link ConfigTask}'s and {@link ChildCreateTask}'s parts
 * of the same messages.
 */
public final class IkeAuthTask implements Task {
  private enum Stage { FIRST, AWAIT_FIRST, EAP, AWAIT_EAP, FINAL, AWAIT_FINAL, DONE }

  private final TaskContext ctx;
  private final AuthConfig auth;
  private Stage stage = Stage.FIRST;
  private IdPayload idi;
  private IdPayload idr;
  private EapExchange eap;

  public IkeAuthTask(TaskContext ctx) {
    this.ctx = ctx;
    this.auth = ctx.params.auth();
  }

  @Override
  public ExchangeType exchange() {
    return stage == Stage.DONE ? null : ExchangeType.IKE_AUTH;
  }

  @Override
  public Status build(List<Payload> out) throws TaskFailure {
    switch (stage) {
      case FIRST:
        buildFirst(out);
        stage = Stage.AWAIT_FIRST;
        break;
      case EAP:
        out.add(new EapPayload(eap.nextResponse()));
        stage = Stage.AWAIT_EAP;
        break;
      case FINAL:
        out.add(finalAuth());
        stage = Stage.AWAIT_FINAL;
        break;
      default:
        break;
    }
    return Status.NEED_MORE;
  }

  private void buildFirst(List<Payload> out) throws TaskFailure {
    ctx.firstIkeAuthMessageId = ctx.sa.requests().nextMessageId();
    idi = OwnAuth.idi(ctx);
    out.add(idi);
    if (auth instanceof AuthConfig.Certificate c) {
      out.addAll(OwnAuth.certificates(c));
    }
    if (!(auth instanceof AuthConfig.Psk)) {
      out.add(OwnAuth.certificateRequest(ctx));
    }
    ctx.params.remoteIdentity().ifPresent(id ->
        out.add(new IdPayload(false, IdType.valueOf(id.type().code()), id.data())));
    byte[] octets = null;
    if (auth instanceof AuthConfig.Certificate c) {
      octets = OwnAuth.initiatorOctets(ctx, idi);
      out.add(OwnAuth.signature(ctx, c, octets));
    } else if (auth instanceof AuthConfig.Psk p) {
      octets = OwnAuth.initiatorOctets(ctx, idi);
      byte[] key = p.key().bytes();
      try {
        out.add(OwnAuth.sharedKey(ctx.sa.keys().prf(), key, octets));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
    ctx.result.localIdentity = idi;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    switch (stage) {
      case AWAIT_FIRST:
        return processFirst(in);
      case AWAIT_EAP:
        rejectedAfterEap(in);
        EapPayload e = required(in, EapPayload.class, "EAP");
        stage = eap.process(e.message()) ? Stage.FINAL : Stage.EAP;
        return Status.NEED_MORE;
      case AWAIT_FINAL:
        rejectedAfterEap(in);
        try {
          verifyFinal(required(in, AuthPayload.class, "AUTH"));
        } finally {
          eap.wipe();
        }
        return complete();
      default:
        return Status.NEED_MORE;
    }
  }

  private Status processFirst(IkeMessage in) throws TaskFailure {
    if (PeerErrors.has(in, NotifyType.AUTHENTICATION_FAILED)) {
      throw rejected();
    }
    idr = required(in, IdPayload.class, "IDr");
    AuthPayload gatewayAuth = in.first(AuthPayload.class).orElse(null);
    if (gatewayAuth == null) {
      PeerErrors.check(in, FailureStep.IKE_AUTH, "IKE_AUTH", null);
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.GATEWAY_AUTH_FAILED,
          "detail", "the gateway sent no AUTH payload",
          "hint", "configure the gateway to authenticate with a certificate");
    }
    verifyGateway(in, gatewayAuth);
    ctx.gatewayAuthenticated = true;
    ctx.result.remoteIdentity = idr;
    if (auth instanceof AuthConfig.Eap e) {
      EapPayload first = required(in, EapPayload.class, "EAP");
      eap = new EapExchange(ctx, e, first.message(), GatewayVerifier.identity(idr).toString());
      ctx.result.authMethod = eapName(e);
      stage = Stage.EAP;
      return Status.NEED_MORE;
    }
    ctx.result.authMethod = auth instanceof AuthConfig.Psk ? "pre-shared key" : "certificate";
    return complete();
  }

  private static String eapName(AuthConfig.Eap e) {
    if (e.methods().contains(dev.fulmar.core.api.EapMethod.TLS) && e.tlsCertificate() != null) {
      return "EAP-TLS";
    }
    for (dev.fulmar.core.api.EapMethod m : List.of(dev.fulmar.core.api.EapMethod.MSCHAPV2,
        dev.fulmar.core.api.EapMethod.MD5, dev.fulmar.core.api.EapMethod.GTC)) {
      if (e.methods().contains(m)) {
        return m == dev.fulmar.core.api.EapMethod.MSCHAPV2 ? "EAP-MSCHAPv2" : "EAP-" + m;
      }
    }
    return "EAP";
  }

  private void verifyGateway(IkeMessage in, AuthPayload gatewayAuth) throws TaskFailure {
    byte[] octets = OwnAuth.responderOctets(ctx, idr);
    if (gatewayAuth.method().equals(AuthMethod.SHARED_KEY_MIC)) {
      if (!(auth instanceof AuthConfig.Psk p)) {
        throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.GATEWAY_AUTH_FAILED,
            "detail", "the gateway authenticated with a pre-shared key, but the profile"
                + " expects a certificate",
            "hint", "configure the gateway for certificates, or the profile for a PSK");
      }
      byte[] key = p.key().bytes();
      try {
        PskAuth.verify(ctx.sa.keys().prf(), key, octets, gatewayAuth.data());
      } catch (GatewayAuthException e) {
        throw new TaskFailure(GatewayVerifier.map(e, List.of()), null, e);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
      return;
    }
    X509Certificate cert = GatewayVerifier.verifySignature(ctx.params, ctx.env.wallClock(), idr,
        in.payloads(CertPayload.class), gatewayAuth, octets);
    ctx.result.remoteCertificateSubject =
        cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** Our AUTH after EAP-Success: prf(prf(MSK or SK_pi, "Key Pad for IKEv2"), octets). */
  private AuthPayload finalAuth() {
    byte[] skPi = ctx.sa.keys().material().skPi();
    byte[] secret = PskAuth.eapSecret(eap.msk().orElse(null), skPi);
    try {
      return OwnAuth.sharedKey(ctx.sa.keys().prf(), secret, OwnAuth.initiatorOctets(ctx, idi));
    } finally {
      Arrays.fill(skPi, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  private void verifyFinal(AuthPayload gatewayAuth) throws TaskFailure {
    byte[] skPr = ctx.sa.keys().material().skPr();
    byte[] secret = PskAuth.eapSecret(eap.msk().orElse(null), skPr);
    try {
      if (!gatewayAuth.method().equals(AuthMethod.SHARED_KEY_MIC)) {
        throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.GATEWAY_AUTH_FAILED,
            "detail", "the gateway's AUTH after EAP uses " + gatewayAuth.method(),
            "hint", "report this to the gateway's administrator");
      }
      PskAuth.verify(ctx.sa.keys().prf(), secret, OwnAuth.responderOctets(ctx, idr),
          gatewayAuth.data());
    } catch (GatewayAuthException e) {
      throw new TaskFailure(GatewayVerifier.map(e, List.of()), null, e);
    } finally {
      Arrays.fill(skPr, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  private Status complete() {
    ctx.ikeAuthComplete = true;
    stage = Stage.DONE;
    ctx.log.info("authenticated the gateway as {} ({})",
        GatewayVerifier.identity(idr), ctx.result.authMethod);
    return Status.DONE;
  }

  private void rejectedAfterEap(IkeMessage in) throws TaskFailure {
    if (PeerErrors.has(in, NotifyType.AUTHENTICATION_FAILED)) {
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.USER_AUTH_FAILED);
    }
  }

  private TaskFailure rejected() {
    if (auth instanceof AuthConfig.Certificate c) {
      return TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.CERTIFICATE_AUTH_FAILED,
          "detail", "certificate " + c.chain().get(0).getSubjectX500Principal().getName());
    }
    if (auth instanceof AuthConfig.Psk) {
      return TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.PSK_AUTH_FAILED);
    }
    return TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.EAP_FAILED,
        "detail", "the gateway refused identity " + GatewayVerifier.identity(idi)
            + " before EAP started (no matching connection on the gateway?)");
  }

  static <T extends Payload> T required(IkeMessage in, Class<T> type, String name)
      throws TaskFailure {
    return in.first(type).orElseThrow(() -> Proposals.protocol(FailureStep.IKE_AUTH,
        "the gateway's IKE_AUTH response has no " + name + " payload"));
  }
}
