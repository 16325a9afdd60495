package dev.fulmar.core.ike.task;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a rekey with additional key exchanges must produce, computed here from the RFC text
 * alone with {@code javax.crypto.Mac} (HMAC-SHA-384, the PRF of the tests), independently of the
 * engine's {@code KeyDerivation}:
 *
 * <ul>
 *   <li>prf+ (RFC 7296 §2.13): T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), output T1 | T2 |
 *   ...
 *   <li>CHILD SA, RFC 9370 §2.2.4: KEYMAT = prf+(SK_d, SK(0) | Ni | Nr | SK(1) | ... | SK(n)).
 *   <li>IKE SA, RFC 9370 §2.2.4: SKEYSEED = prf(SK_d(old), SK(0) | Ni | Nr | SK(1) | ... |
 *   SK(n)), then SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr = prf+(SKEYSEED, Ni | Nr |
 *   SPIi | SPIr) (RFC 7296 §2.18).
 * </ul>
 */
final class ExpectedKeys {
  /** AES-GCM-16-256: a 32-octet key and a 4-octet salt (RFC 5282 §7.1, RFC 4106 §8.1). */
  static final int GCM256_KEYMAT = 36;
  static final int SHA384 = 48;

  private ExpectedKeys() {}

  static byte[] prf(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA384");
    mac.init(new SecretKeySpec(key, "HmacSHA384"));
    return mac.doFinal(data);
  }

  static byte[] prfPlus(byte[] key, byte[] seed, int length) throws GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] t = new byte[0];
    for (int n = 1; out.size() < length; n++) {
      t = prf(key, concat(t, seed, new byte[] {(byte) n}));
      out.writeBytes(t);
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  /** SK(0) | Ni | Nr | SK(1) | ... | SK(n). */
  static byte[] secretsAndNonces(List<byte[]> secrets, byte[] ni, byte[] nr) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(secrets.get(0));
    out.writeBytes(ni);
    out.writeBytes(nr);
    secrets.stream().skip(1).forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** KEYMAT of a CHILD SA with AES-GCM-16-256 (i->r key|salt, then r->i key|salt). */
  static byte[] childKeymat(byte[] skD, List<byte[]> secrets, byte[] ni, byte[] nr)
      throws GeneralSecurityException {
    return prfPlus(skD, secretsAndNonces(secrets, ni, nr), 2 * GCM256_KEYMAT);
  }

  /**
   * SK_d | SK_ei | SK_er | SK_pi | SK_pr of an IKE SA with AES-GCM-16-256 and PRF-HMAC-SHA-384
   * (no integrity keys).
   */
  static byte[] ikeKeys(byte[] oldSkD, List<byte[]> secrets, byte[] ni, byte[] nr, long spiI,
      long spiR) throws GeneralSecurityException {
    byte[] skeyseed = prf(oldSkD, secretsAndNonces(secrets, ni, nr));
    byte[] seed = concat(ni, nr, java.nio.ByteBuffer.allocate(16).putLong(spiI).putLong(spiR)
        .array());
    return prfPlus(skeyseed, seed, 3 * SHA384 + 2 * GCM256_KEYMAT);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] slice(byte[] b, int from, int length) {
    return Arrays.copyOfRange(b, from, from + length);
  }
}
