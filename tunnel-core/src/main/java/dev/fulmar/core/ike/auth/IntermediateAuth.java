package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.crypto.Prf;
import java.util.Objects;

/**
 * Authentication of IKE_INTERMEDIATE exchanges (RFC 9242 §3.3.2).
 *
 * <pre>
 * IntAuth_i1 = prf(SK_pi1,              IntAuth_i1A [| IntAuth_i1P])
 * IntAuth_in = prf(SK_pin, IntAuth_i(n-1) | IntAuth_inA [| IntAuth_inP])
 * IntAuth_r1 = prf(SK_pr1,              IntAuth_r1A [| IntAuth_r1P])
 * IntAuth_rn = prf(SK_prn, IntAuth_r(n-1) | IntAuth_rnA [| IntAuth_rnP])
 * IntAuth    = IntAuth_iN | IntAuth_rN | IKE_AUTH_MID
 * </pre>
 *
 * <p>The initiator's chain covers the IKE_INTERMEDIATE requests with SK_pi, the responder's chain
 * the responses with SK_pr; both sides append the same IntAuth. The engine supplies, for each
 * unfragmented message:
 *
 * <ul>
 *   <li>part A: the octets from the first byte of the IKE header to the last byte of the
 *       Encrypted payload's generic header, with the IKE header Length and the Encrypted payload
 *       Length set as if the message carried no IV, padding, pad length or ICV;
 *   <li>part P: the inner payloads in plaintext (without padding); empty if there are none.
 * </ul>
 *
 * <p>SK_p is the key in force for that exchange: with RFC 9370 additional key exchanges each
 * IKE_INTERMEDIATE is authenticated with the keys that protected it, before the keys it
 * produces replace them.
 */
public final class IntermediateAuth {

  private IntermediateAuth() {}

  /**
   * One step of a chain: {@code prf(skP, previous | partA | partP)}.
   *
   * @param previous IntAuth_(n-1), or {@code null} for the first message of the chain
   */
  public static byte[] next(Prf prf, byte[] skP, byte[] previous, byte[] partA, byte[] partP) {
    Objects.requireNonNull(partA, "partA");
    byte[] prev = previous == null ? new byte[0] : previous;
    byte[] p = partP == null ? new byte[0] : partP;
    byte[] data = new byte[prev.length + partA.length + p.length];
    System.arraycopy(prev, 0, data, 0, prev.length);
    System.arraycopy(partA, 0, data, prev.length, partA.length);
    System.arraycopy(p, 0, data, prev.length + partA.length, p.length);
    return prf.apply(skP, data);
  }

  /**
   * The IntAuth suffix appended to both sides' signed octets: {@code IntAuth_iN | IntAuth_rN |
   * IKE_AUTH_MID}, with the message ID of the first IKE_AUTH exchange as 4 big-endian octets.
   */
  public static byte[] suffix(byte[] intAuthI, byte[] intAuthR, long ikeAuthMessageId) {
    if (ikeAuthMessageId < 0 || ikeAuthMessageId > 0xffff_ffffL) {
      throw new IllegalArgumentException("message ID out of range: " + ikeAuthMessageId);
    }
    byte[] out = new byte[intAuthI.length + intAuthR.length + 4];
    System.arraycopy(intAuthI, 0, out, 0, intAuthI.length);
    System.arraycopy(intAuthR, 0, out, intAuthI.length, intAuthR.length);
    int o = intAuthI.length + intAuthR.length;
    out[o] = (byte) (ikeAuthMessageId >>> 24);
    out[o + 1] = (byte) (ikeAuthMessageId >>> 16);
    out[o + 2] = (byte) (ikeAuthMessageId >>> 8);
    out[o + 3] = (byte) ikeAuthMessageId;
    return out;
  }
}
