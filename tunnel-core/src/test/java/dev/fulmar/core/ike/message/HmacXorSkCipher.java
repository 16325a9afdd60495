package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small but honest {@link SkCipher} for codec tests, shaped like ENCR_AES_CBC with
 * AUTH_HMAC_SHA2_256_128 (RFC 7296 §3.14): an 8-octet IV from a counter, the plaintext padded to
 * 8-octet blocks with a pad length octet, "encrypted" by XOR with a key-derived stream, and a
 * 16-octet HMAC-SHA-256 ICV over prefix, IV and ciphertext. Not cryptography: it only has the same
 * sizes, framing and failure behaviour, so that tamper and length checks are exercised.
 */
final class HmacXorSkCipher implements SkCipher {

  static final int IV = 8;
  static final int BLOCK = 8;
  static final int ICV = 16;

  private final byte[] key;
  private long counter;

  HmacXorSkCipher(byte[] key) {
    this.key = key.clone();
  }

  HmacXorSkCipher() {
    this(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
  }

  @Override
  public int sealedLength(int plaintextLength) {
    int padded = (plaintextLength + 1 + BLOCK - 1) / BLOCK * BLOCK;
    return IV + padded + ICV;
  }

  @Override
  public int minimumSealedLength() {
    return IV + BLOCK + ICV;
  }

  @Override
  public byte[] seal(byte[] prefix, byte[] plaintext) throws GeneralSecurityException {
    int padded = sealedLength(plaintext.length) - IV - ICV;
    byte[] block = Arrays.copyOf(plaintext, padded);
    block[padded - 1] = (byte) (padded - plaintext.length - 1);
    byte[] iv = ByteBuffer.allocate(IV).putLong(++counter).array();
    xor(block, iv);
    ByteBuffer out = ByteBuffer.allocate(IV + padded + ICV).put(iv).put(block);
    out.put(icv(prefix, iv, block));
    return out.array();
  }

  @Override
  public byte[] open(byte[] prefix, byte[] body) throws GeneralSecurityException {
    if (body.length < minimumSealedLength() || (body.length - IV - ICV) % BLOCK != 0) {
      throw new GeneralSecurityException("bad body length " + body.length);
    }
    byte[] iv = Arrays.copyOf(body, IV);
    byte[] block = Arrays.copyOfRange(body, IV, body.length - ICV);
    byte[] icv = Arrays.copyOfRange(body, body.length - ICV, body.length);
    if (!MessageDigest.isEqual(icv, icv(prefix, iv, block))) {
      throw new AEADBadTagException("ICV mismatch");
    }
    xor(block, iv);
    int padLength = block[block.length - 1] & 0xff;
    if (padLength + 1 > block.length) {
      throw new GeneralSecurityException("bad pad length " + padLength);
    }
    return Arrays.copyOf(block, block.length - padLength - 1);
  }

  private byte[] icv(byte[] prefix, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(prefix);
    mac.update(iv);
    mac.update(ciphertext);
    return Arrays.copyOf(mac.doFinal(), ICV);
  }

  private void xor(byte[] block, byte[] iv) {
    for (int i = 0; i < block.length; i++) {
      block[i] ^= (byte) (key[i % key.length] ^ iv[i % IV] ^ i);
    }
  }
}
