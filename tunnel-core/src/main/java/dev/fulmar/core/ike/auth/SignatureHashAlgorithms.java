package dev.fulmar.core.ike.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The SIGNATURE_HASH_ALGORITHMS notify (type 16431, RFC 7427 §4): a list of 2-octet hash
 * algorithm identifiers, sent by both sides in IKE_SA_INIT.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Hash Algorithm 1       |        Hash Algorithm 2       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                              ...                              ~
 * </pre>
 */
public final class SignatureHashAlgorithms {

  /** The notify message type. */
  public static final int NOTIFY_TYPE = 16431;

  /** What we announce: SHA-256, SHA-384, SHA-512 (never SHA-1). */
  public static final List<SignatureHash> SUPPORTED =
      List.of(SignatureHash.SHA2_256, SignatureHash.SHA2_384, SignatureHash.SHA2_512);

  private SignatureHashAlgorithms() {}

  /** The notification data for {@code hashes}. */
  public static byte[] encode(List<SignatureHash> hashes) {
    byte[] out = new byte[hashes.size() * 2];
    for (int i = 0; i < hashes.size(); i++) {
      int v = hashes.get(i).value();
      out[2 * i] = (byte) (v >>> 8);
      out[2 * i + 1] = (byte) v;
    }
    return out;
  }

  /**
   * Decodes notification data; unknown identifiers are kept.
   *
   * @throws AuthDataException if the length is odd
   */
  public static List<SignatureHash> decode(byte[] data) throws AuthDataException {
    if (data.length % 2 != 0) {
      throw new AuthDataException(
          "SIGNATURE_HASH_ALGORITHMS data has odd length " + data.length);
    }
    List<SignatureHash> out = new ArrayList<>(data.length / 2);
    for (int i = 0; i < data.length; i += 2) {
      out.add(SignatureHash.valueOf(((data[i] & 0xff) << 8) | (data[i + 1] & 0xff)));
    }
    return List.copyOf(out);
  }

  /**
   * The hash to sign with: the strongest of SHA-512, SHA-384, SHA-256 that the gateway
   * announced; for an ECDSA key the hash that matches the curve size comes first (P-256 with
   * SHA-256, P-384 with SHA-384, P-521 with SHA-512), as RFC 5480 recommends.
   *
   * @param gateway the hashes the gateway announced
   * @param ecCurveBits the ECDSA key's field size, or 0 for RSA
   * @throws IllegalArgumentException naming the announced hashes if none is acceptable (for
   *     example a gateway that offers only SHA-1)
   */
  public static SignatureHash select(List<SignatureHash> gateway, int ecCurveBits) {
    SignatureHash matching = curveHash(ecCurveBits);
    if (matching != null && gateway.contains(matching)) {
      return matching;
    }
    for (SignatureHash h :
        List.of(SignatureHash.SHA2_512, SignatureHash.SHA2_384, SignatureHash.SHA2_256)) {
      if (gateway.contains(h)) {
        return h;
      }
    }
    throw new IllegalArgumentException(
        "the gateway supports only the signature hashes " + gateway
            + "; SHA-1 and unknown hashes are refused: SHA-256 or stronger is needed");
  }

  static SignatureHash curveHash(int ecCurveBits) {
    if (ecCurveBits == 0) {
      return null;
    }
    if (ecCurveBits <= 256) {
      return SignatureHash.SHA2_256;
    }
    return ecCurveBits <= 384 ? SignatureHash.SHA2_384 : SignatureHash.SHA2_512;
  }
}
