package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.ClientSignature;
import dev.fulmar.core.ike.auth.CredentialException;
import dev.fulmar.core.ike.auth.IntermediateAuth;
import dev.fulmar.core.ike.auth.PskAuth;
import dev.fulmar.core.ike.auth.SignedOctets;
import dev.fulmar.core.ike.crypto.Prf;
import dev.fulmar.core.ike.message.AuthMethod;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.CertPayload;
import dev.fulmar.core.ike.message.CertReqPayload;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.IdType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our side of IKE_AUTH: the IDi we send, our CERT and CERTREQ payloads, and the signed octets and
 * AUTH payloads of RFC 7296 §2.15/§2.16 (with the RFC 9242 IntAuth suffix after
 * IKE_INTERMEDIATE).
 */
final class OwnAuth {
  private OwnAuth() {}

  /** IDi: the profile's local id, else the EAP identity, certificate subject or our address. */
  static IdPayload idi(TaskContext ctx) {
    IkeIdentity id = ctx.params.localIdentity().orElseGet(() -> defaultIdentity(ctx));
    return new IdPayload(true, IdType.valueOf(id.typeCode()), id.data());
  }

  private static IkeIdentity defaultIdentity(TaskContext ctx) {
    AuthConfig auth = ctx.params.auth();
    if (auth instanceof AuthConfig.Eap e) {
      return IkeIdentity.parse(e.identity());
    }
    if (auth instanceof AuthConfig.Certificate c) {
      return IkeIdentity.distinguishedName(c.chain().get(0).getSubjectX500Principal());
    }
    return IkeIdentity.address(ctx.hooks.localAddress().getAddress());
  }

  /** CERTREQ naming the profile's CAs by key hash; empty (any CA) with only the system store. */
  static CertReqPayload certificateRequest(TaskContext ctx) {
    List<byte[]> hashes = new ArrayList<>();
    for (X509Certificate ca : ctx.params.trustAnchors()) {
      hashes.add(sha1(ca.getPublicKey().getEncoded()));
    }
    return CertReqPayload.x509(hashes);
  }

  /** CERT payloads of our chain, own certificate first. */
  static List<CertPayload> certificates(AuthConfig.Certificate c) throws TaskFailure {
    List<CertPayload> out = new ArrayList<>();
    try {
      for (X509Certificate cert : c.chain()) {
        out.add(CertPayload.x509(cert.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.INVALID_PARAMETERS,
          "detail", "our certificate cannot be encoded: " + e.getMessage()).causedBy(e);
    }
    return out;
  }

  /** InitiatorSignedOctets = RealMessage1 | NonceRData | prf(SK_pi, IDi body) [| IntAuth]. */
  static byte[] initiatorOctets(TaskContext ctx, IdPayload idi) {
    byte[] skPi = ctx.sa.keys().material().skPi();
    try {
      return SignedOctets.compute(ctx.sa.keys().prf(), ctx.initRequest, ctx.nonceR, skPi,
          body(idi), intAuth(ctx));
    } finally {
      Arrays.fill(skPi, (byte) 0);
    }
  }

  /** ResponderSignedOctets = RealMessage2 | NonceIData | prf(SK_pr, IDr body) [| IntAuth]. */
  static byte[] responderOctets(TaskContext ctx, IdPayload idr) {
    byte[] skPr = ctx.sa.keys().material().skPr();
    try {
      return SignedOctets.compute(ctx.sa.keys().prf(), ctx.initResponse, ctx.nonceI, skPr,
          body(idr), intAuth(ctx));
    } finally {
      Arrays.fill(skPr, (byte) 0);
    }
  }

  private static byte[] intAuth(TaskContext ctx) {
    if (ctx.intAuthI == null) {
      return null;
    }
    return IntermediateAuth.suffix(ctx.intAuthI, ctx.intAuthR, ctx.firstIkeAuthMessageId);
  }

  /** RestOfIDPayload: ID Type | RESERVED | identification data. */
  static byte[] body(IdPayload id) {
    byte[] data = id.data();
    byte[] out = new byte[4 + data.length];
    out[0] = (byte) id.idType().value();
    System.arraycopy(data, 0, out, 4, data.length);
    return out;
  }

  /** AUTH with our certificate's key (RFC 7427, or RFC 4754 ECDSA if the gateway lacks it). */
  static AuthPayload signature(TaskContext ctx, AuthConfig.Certificate c, byte[] octets)
      throws TaskFailure {
    try {
      ClientCredential credential = ClientCredential.of(c.privateKey(), c.chain());
      ClientSignature.AuthPayloadData a = ClientSignature.sign(credential,
          ctx.peer.signatureHashes, octets, false, ctx.env.random());
      return new AuthPayload(AuthMethod.valueOf(a.method()), a.data());
    } catch (CredentialException e) {
      throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.INVALID_PARAMETERS,
          "detail", e.getMessage()).causedBy(e);
    }
  }

  /** AUTH = prf(prf(secret, "Key Pad for IKEv2"), octets), for a PSK or after EAP. */
  static AuthPayload sharedKey(Prf prf, byte[] secret, byte[] octets) {
    return new AuthPayload(AuthMethod.SHARED_KEY_MIC, PskAuth.compute(prf, secret, octets));
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JRE", e);
    }
  }
}
