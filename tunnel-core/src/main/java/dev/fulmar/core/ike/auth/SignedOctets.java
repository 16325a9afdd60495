package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.crypto.Prf;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The octets that an AUTH payload signs or MACs (RFC 7296 §2.15, extended by RFC 9242 §3.3.2).
 *
 * <pre>
 * InitiatorSignedOctets = RealMessage1 | NonceRData | MACedIDForI [| IntAuth]
 * ResponderSignedOctets = RealMessage2 | NonceIData | MACedIDForR [| IntAuth]
 * MACedIDForI = prf(SK_pi, RestOfInitIDPayload)
 * MACedIDForR = prf(SK_pr, RestOfRespIDPayload)
 * IntAuth     = IntAuth_iN | IntAuth_rN | IKE_AUTH_MID      (only after IKE_INTERMEDIATE)
 * </pre>
 *
 * <p>The same function serves both directions: for our own AUTH pass our IKE_SA_INIT request,
 * the responder's nonce, SK_pi and our IDi body; to verify the gateway's AUTH pass its
 * IKE_SA_INIT response, our nonce, SK_pr and its IDr body. Build the IntAuth suffix with
 * {@link IntermediateAuth#suffix}.
 */
public final class SignedOctets {

  private SignedOctets() {}

  /**
   * Computes the signed octets.
   *
   * @param prf the IKE SA's negotiated PRF
   * @param realMessage the signer's IKE_SA_INIT message exactly as sent on the wire
   * @param peerNonce the other side's nonce data (the Nonce payload body)
   * @param skP SK_pi when the initiator signs, SK_pr when the responder signs
   * @param idPayloadBody the signer's ID payload body (RestOfIDPayload: ID Type, three zero octets, data)
   * @param intAuth the RFC 9242 IntAuth suffix, or {@code null} when no IKE_INTERMEDIATE ran
   */
  public static byte[] compute(
      Prf prf,
      byte[] realMessage,
      byte[] peerNonce,
      byte[] skP,
      byte[] idPayloadBody,
      byte[] intAuth) {
    byte[] macedId = prf.apply(skP, idPayloadBody);
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            realMessage.length + peerNonce.length + macedId.length
                + (intAuth == null ? 0 : intAuth.length));
    out.writeBytes(realMessage);
    out.writeBytes(peerNonce);
    out.writeBytes(macedId);
    if (intAuth != null) {
      out.writeBytes(intAuth);
    }
    Arrays.fill(macedId, (byte) 0);
    return out.toByteArray();
  }
}
