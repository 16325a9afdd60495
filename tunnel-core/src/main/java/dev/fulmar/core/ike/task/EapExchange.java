package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.CredentialRequest;
import dev.fulmar.core.api.EapMethod;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.CredentialException;
import dev.fulmar.core.ike.auth.GatewayCertificateValidator;
import dev.fulmar.core.ike.eap.EapAuthenticationException;
import dev.fulmar.core.ike.eap.EapClient;
import dev.fulmar.core.ike.eap.EapException;
import dev.fulmar.core.ike.eap.EapGtc;
import dev.fulmar.core.ike.eap.EapMd5;
import dev.fulmar.core.ike.eap.EapMsChapV2;
import dev.fulmar.core.ike.eap.EapTls;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The EAP rounds of IKE_AUTH (RFC 7296 §2.16), started only once the gateway has proved its
 * identity: only then is the password asked for (and only then can the user be shown whom they are
 * answering). Each gateway EAP Request gets our Response; EAP-Success ends with the MSK (or none
 * for methods that make no MSK).
 */
final class EapExchange {
  private final TaskContext ctx;
  private final AuthConfig.Eap config;
  private final CompletableFuture<Secret> password;
  private EapClient client;
  private byte[] pendingRequest;
  private byte[] pendingResponse;
  private Optional<byte[]> msk;

  /** Starts asking for the password; {@code firstRequest} is the gateway's first EAP message. */
  EapExchange(TaskContext ctx, AuthConfig.Eap config, byte[] firstRequest, String gateway) {
    this.ctx = ctx;
    this.config = config;
    this.pendingRequest = firstRequest;
    if (usesTls()) {
      this.password = CompletableFuture.completedFuture(null);
      return;
    }
    CompletionStage<Secret> stage = config.credentials().obtain(new CredentialRequest(
        CredentialRequest.Kind.PASSWORD, config.identity(), gateway, ""));
    this.password = stage.toCompletableFuture();
    if (!password.isDone()) {
      ctx.blockUntil(password);
    }
  }

  private boolean usesTls() {
    return config.methods().contains(EapMethod.TLS) && config.tlsCertificate() != null;
  }

  /** EAP-TLS with the profile's client certificate; the server is checked like the gateway. */
  private dev.fulmar.core.ike.eap.EapMethod tls() throws TaskFailure {
    AuthConfig.Certificate c = config.tlsCertificate();
    try {
      return new EapTls(new EapTls.Config(
          new GatewayCertificateValidator(GatewayVerifier.anchors(ctx.params),
              ctx.env.wallClock()),
          GatewayVerifier.expected(ctx.params),
          ClientCredential.of(c.privateKey(), c.chain()), ctx.env.random(),
          EapTls.DEFAULT_FRAGMENT_SIZE));
    } catch (CredentialException e) {
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.INVALID_PARAMETERS,
          "detail", e.getMessage()).causedBy(e);
    }
  }

  /** Our next EAP message: answers the pending request (creating the method on first use). */
  byte[] nextResponse() throws TaskFailure {
    if (client == null) {
      client = new EapClient(config.identity(), method());
    }
    if (pendingRequest != null) {
      handle(pendingRequest);
      pendingRequest = null;
    }
    if (pendingResponse == null) {
      throw Proposals.protocol(FailureStep.IKE_AUTH, "no EAP response to send");
    }
    byte[] r = pendingResponse;
    pendingResponse = null;
    return r;
  }

  /**
   * Processes the gateway's next EAP message.
   *
   * @return true when EAP succeeded and our final AUTH is due
   */
  boolean process(byte[] message) throws TaskFailure {
    handle(message);
    return msk != null;
  }

  /** A copy of the MSK, empty for methods without one (then SK_pi/SK_pr are the secret). */
  Optional<byte[]> msk() {
    return msk.map(byte[]::clone);
  }

  /** Wipes the MSK and the method's secrets once both AUTH payloads are done. */
  void wipe() {
    if (msk != null) {
      msk.ifPresent(m -> Arrays.fill(m, (byte) 0));
    }
    if (client != null) {
      client.destroy();
    }
  }

  private void handle(byte[] message) throws TaskFailure {
    try {
      EapClient.Step step = client.process(message);
      if (step instanceof EapClient.Respond r) {
        pendingResponse = r.message();
      } else if (step instanceof EapClient.Succeeded s) {
        msk = s.msk();
        client.destroy(); // the MSK is ours now: the password (hash) is not needed any more
      }
    } catch (EapAuthenticationException e) {
      client.destroy();
      throw new TaskFailure(map(e), null, e);
    } catch (EapException e) {
      client.destroy();
      throw Proposals.protocol(FailureStep.IKE_AUTH, "EAP: " + e.getMessage()).causedBy(e);
    }
  }

  private dev.fulmar.core.ike.eap.EapMethod method() throws TaskFailure {
    if (usesTls()) {
      return tls();
    }
    Secret secret;
    try {
      secret = password.getNow(null);
    } catch (RuntimeException e) {
      secret = null;
    }
    if (secret == null || secret.isWiped()) {
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.CREDENTIALS_MISSING,
          "what", "password for " + config.identity());
    }
    char[] chars = secret.chars();
    try {
      if (config.methods().contains(EapMethod.MSCHAPV2)) {
        return new EapMsChapV2(config.identity(), chars, ctx.env.random());
      } else if (config.methods().contains(EapMethod.MD5)) {
        return new EapMd5(config.identity(), chars);
      } else if (config.methods().contains(EapMethod.GTC)) {
        return new EapGtc(chars);
      }
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.INVALID_PARAMETERS,
          "detail", "EAP methods " + config.methods() + " are not available");
    } finally {
      Arrays.fill(chars, '\0');
      secret.wipe();
    }
  }

  private IkeFailure map(EapAuthenticationException e) {
    FailureStep step = FailureStep.IKE_AUTH;
    switch (e.reason()) {
      case CREDENTIALS_REJECTED:
      case REJECTED:
        return IkeFailure.of(step, ErrorCode.USER_AUTH_FAILED, "detail", e.getMessage());
      case GATEWAY_NOT_AUTHENTICATED:
      case SERVER_CERTIFICATE_REJECTED:
      case PREMATURE_SUCCESS:
        return IkeFailure.of(step, ErrorCode.GATEWAY_AUTH_FAILED, "detail", e.getMessage(),
            "hint", "do not retry on this network and tell the administrator");
      case METHOD_NOT_AGREED:
        return IkeFailure.of(step, ErrorCode.EAP_METHOD_UNSUPPORTED,
            "detail", e.getMessage(), "allowed", config.methods().toString());
      default:
        return IkeFailure.of(step, ErrorCode.EAP_FAILED, "detail", e.getMessage());
    }
  }
}
