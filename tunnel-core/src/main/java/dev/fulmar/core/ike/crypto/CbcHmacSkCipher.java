package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ENCR_AES_CBC with an HMAC-SHA-2 integrity algorithm for the SK/SKF payload, encrypt-then-MAC (RFC
 * 7296 §3.14, RFC 3602, RFC 4868).
 *
 * <pre>
 *   body = IV (16, random) | AES-CBC(inner payloads | padding | pad length) | ICV
 *   ICV  = truncate(HMAC(SK_a, prefix | IV | ciphertext))
 * </pre>
 *
 * The padding is the fewest zero bytes that make {@code payloads | padding | pad length} a multiple
 * of 16; on receipt any pad length that fits is accepted (RFC 7296 §3.14). The ICV is checked, in
 * constant time, before anything is decrypted. One instance serves one direction of one IKE SA; its
 * Cipher and Mac are reused under the instance lock.
 */
final class CbcHmacSkCipher implements SkCipher {

  private static final int BLOCK = 16;
  private static final int IV_LENGTH = 16;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private final Mac mac;
  private final int icvLength;
  private final SecureRandom random;

  /** Takes copies of both keys; the caller wipes its arrays. */
  CbcHmacSkCipher(
      byte[] encryptionKey, IntegritySpec integrity, byte[] integrityKey, SecureRandom random)
      throws GeneralSecurityException {
    this.key = new SecretKeySpec(encryptionKey, "AES");
    this.cipher = Cipher.getInstance("AES/CBC/NoPadding");
    this.mac = Mac.getInstance(integrity.jceName);
    this.mac.init(new SecretKeySpec(integrityKey, integrity.jceName));
    this.icvLength = integrity.icvLength;
    this.random = random;
  }

  @Override
  public int sealedLength(int plaintextLength) {
    return IV_LENGTH + paddedLength(plaintextLength) + icvLength;
  }

  @Override
  public int minimumSealedLength() {
    return IV_LENGTH + BLOCK + icvLength;
  }

  @Override
  public synchronized byte[] seal(byte[] prefix, byte[] plaintext) throws GeneralSecurityException {
    int padded = paddedLength(plaintext.length);
    byte[] block = Arrays.copyOf(plaintext, padded); // zero padding
    block[padded - 1] = (byte) (padded - plaintext.length - 1);
    byte[] body = new byte[IV_LENGTH + padded + icvLength];
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(iv);
    System.arraycopy(iv, 0, body, 0, IV_LENGTH);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
      cipher.doFinal(block, 0, padded, body, IV_LENGTH);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
    byte[] icv = icv(prefix, body, IV_LENGTH + padded);
    System.arraycopy(icv, 0, body, IV_LENGTH + padded, icvLength);
    return body;
  }

  @Override
  public synchronized byte[] open(byte[] prefix, byte[] body) throws GeneralSecurityException {
    int cipherLength = body.length - IV_LENGTH - icvLength;
    if (body.length < minimumSealedLength() || cipherLength % BLOCK != 0) {
      throw new IllegalBlockSizeException(
          "encrypted body of "
              + body.length
              + " bytes does not hold a 16-byte IV, whole AES"
              + " blocks and a "
              + icvLength
              + "-byte ICV");
    }
    byte[] expected = icv(prefix, body, IV_LENGTH + cipherLength);
    byte[] received = Arrays.copyOfRange(body, body.length - icvLength, body.length);
    if (!MessageDigest.isEqual(expected, received)) {
      throw new AEADBadTagException("integrity check (ICV) of the encrypted payload failed");
    }
    cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(body, 0, IV_LENGTH));
    byte[] block = cipher.doFinal(body, IV_LENGTH, cipherLength);
    try {
      return SkPadding.strip(block);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  private byte[] icv(byte[] prefix, byte[] body, int length) {
    mac.update(prefix);
    mac.update(body, 0, length);
    return Arrays.copyOf(mac.doFinal(), icvLength);
  }

  private static int paddedLength(int plaintextLength) {
    return (plaintextLength + 1 + BLOCK - 1) / BLOCK * BLOCK;
  }
}
