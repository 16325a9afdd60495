package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.crypto.Prf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Shared-key AUTH (auth method 2, RFC 7296 §2.15) and its EAP form (§2.16).
 *
 * <pre>
 * AUTH = prf( prf(Shared Secret, "Key Pad for IKEv2"), &lt;SignedOctets&gt;)
 * </pre>
 *
 * <p>After EAP the shared secret is the MSK of the EAP method; for a method that makes no MSK it
 * is SK_pi for the initiator's AUTH and SK_pr for the responder's ({@link #eapSecret}).
 */
public final class PskAuth {

  /** The auth method number for shared key message integrity code. */
  public static final int METHOD = 2;

  private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

  private PskAuth() {}

  /** The AUTH data for {@code signedOctets} under {@code secret}. */
  public static byte[] compute(Prf prf, byte[] secret, byte[] signedOctets) {
    byte[] padKey = prf.apply(secret, KEY_PAD);
    try {
      return prf.apply(padKey, signedOctets);
    } finally {
      Arrays.fill(padKey, (byte) 0);
    }
  }

  /**
   * Verifies the gateway's shared-key AUTH in constant time.
   *
   * @throws GatewayAuthException {@code BAD_SIGNATURE} if it does not match
   */
  public static void verify(Prf prf, byte[] secret, byte[] signedOctets, byte[] authData)
      throws GatewayAuthException {
    byte[] expected = compute(prf, secret, signedOctets);
    boolean ok = MessageDigest.isEqual(expected, authData);
    Arrays.fill(expected, (byte) 0);
    if (!ok) {
      throw GatewayAuthException.badSignature(
          "the gateway's AUTH does not match the shared key: the gateway and the profile use"
              + " different pre-shared keys (or EAP keys)");
    }
  }

  /**
   * The shared secret for the AUTH payloads that follow EAP (RFC 7296 §2.16): the MSK if the EAP
   * method made one, otherwise {@code skP} (SK_pi for our AUTH, SK_pr for the gateway's).
   */
  public static byte[] eapSecret(byte[] mskOrNull, byte[] skP) {
    return mskOrNull != null ? mskOrNull : skP;
  }
}
