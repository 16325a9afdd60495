package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ENCR_AES_GCM_16 (RFC 5282) and ENCR_CHACHA20_POLY1305 (RFC 7634 §4) for the SK/SKF payload.
 *
 * <pre>
 *   SK_e  = key | salt (4 bytes)                    RFC 5282 §7.1, RFC 7634 §2
 *   nonce = salt | IV (8 bytes, explicit)
 *   body  = IV | AEAD(nonce, aad = prefix, inner payloads | pad length 0)
 *        = IV | ciphertext | ICV (16 bytes)
 * </pre>
 *
 * The associated data is the message prefix: IKE header, unencrypted payloads and the SK/SKF header
 * (RFC 5282 §5.1, RFC 7383 §2.5). The explicit IV is a 64-bit counter, so it never repeats under
 * one key; an instance therefore must be the only sealer for its key (one per direction of one IKE
 * SA), and refuses to seal once the counter would wrap. No padding is added (the AEADs have no
 * block alignment), but any valid pad length is accepted on receipt.
 */
final class AeadSkCipher implements SkCipher {

  private static final int TAG_BITS = 128;

  private final EncryptionSpec spec;
  private final SecretKeySpec key;
  private final byte[] salt;
  private final Cipher cipher;
  private long nextIv;
  private byte[] lastChaChaNonce;
  private boolean ivSpaceExhausted;

  /**
   * @param keyMaterial SK_e: cipher key followed by the 4-byte salt (copied)
   * @param firstIv the first explicit IV to use (0 for a new SA)
   */
  AeadSkCipher(EncryptionSpec spec, byte[] keyMaterial, long firstIv)
      throws GeneralSecurityException {
    if (!spec.aead || keyMaterial.length <= spec.saltLength) {
      throw new IllegalArgumentException("not AEAD key material for " + spec);
    }
    int keyLength = keyMaterial.length - spec.saltLength;
    this.spec = spec;
    this.key = new SecretKeySpec(keyMaterial, 0, keyLength, jceKeyAlgorithm(spec));
    this.salt = Arrays.copyOfRange(keyMaterial, keyLength, keyMaterial.length);
    this.cipher = Cipher.getInstance(jceTransformation(spec));
    this.nextIv = firstIv;
  }

  @Override
  public int sealedLength(int plaintextLength) {
    return spec.ivLength + plaintextLength + 1 + spec.icvLength;
  }

  @Override
  public int minimumSealedLength() {
    return spec.ivLength + 1 + spec.icvLength;
  }

  @Override
  public byte[] seal(byte[] prefix, byte[] plaintext) throws GeneralSecurityException {
    byte[] block = Arrays.copyOf(plaintext, plaintext.length + 1); // pad length 0
    try {
      return sealRaw(prefix, block);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  @Override
  public byte[] open(byte[] prefix, byte[] body) throws GeneralSecurityException {
    if (body.length < minimumSealedLength()) {
      throw new IllegalBlockSizeException(
          "encrypted body of "
              + body.length
              + " bytes is shorter than the "
              + spec.ivLength
              + "-byte IV, the pad length and the "
              + spec.icvLength
              + "-byte ICV");
    }
    byte[] block = openRaw(prefix, body);
    try {
      return SkPadding.strip(block);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  /** Encrypts exactly {@code block} under the next IV: {@code IV | ciphertext | ICV}. */
  synchronized byte[] sealRaw(byte[] aad, byte[] block) throws GeneralSecurityException {
    if (ivSpaceExhausted) {
      throw new GeneralSecurityException(
          "the 64-bit IV counter of this IKE SA is exhausted; the SA must be rekeyed");
    }
    long iv = nextIv++;
    ivSpaceExhausted = nextIv == 0;
    byte[] body = new byte[spec.ivLength + block.length + spec.icvLength];
    for (int i = 0; i < spec.ivLength; i++) {
      body[i] = (byte) (iv >>> (8 * (spec.ivLength - 1 - i)));
    }
    init(Cipher.ENCRYPT_MODE, body);
    cipher.updateAAD(aad);
    cipher.doFinal(block, 0, block.length, body, spec.ivLength);
    return body;
  }

  /** Verifies and decrypts {@code IV | ciphertext | ICV}, returning the whole decrypted block. */
  synchronized byte[] openRaw(byte[] aad, byte[] body) throws GeneralSecurityException {
    init(Cipher.DECRYPT_MODE, body);
    cipher.updateAAD(aad);
    return cipher.doFinal(body, spec.ivLength, body.length - spec.ivLength);
  }

  /**
   * Initialises the reused Cipher with nonce {@code salt | IV of body}. The JDK's ChaCha20-Poly1305
   * refuses to be initialised twice in a row with the same key and nonce, even to decrypt; a
   * retransmitted (or forged) message is legitimately opened again, so for a repeated nonce in
   * DECRYPT mode we step through another nonce first. Encryption never repeats a nonce.
   */
  private void init(int mode, byte[] body) throws GeneralSecurityException {
    byte[] nonce = new byte[salt.length + spec.ivLength];
    System.arraycopy(salt, 0, nonce, 0, salt.length);
    System.arraycopy(body, 0, nonce, salt.length, spec.ivLength);
    if (spec == EncryptionSpec.AES_GCM_16) {
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      return;
    }
    if (mode == Cipher.DECRYPT_MODE && Arrays.equals(nonce, lastChaChaNonce)) {
      byte[] other = nonce.clone();
      other[other.length - 1] ^= 1;
      cipher.init(mode, key, new IvParameterSpec(other));
    }
    cipher.init(mode, key, new IvParameterSpec(nonce));
    lastChaChaNonce = nonce;
  }

  private static String jceTransformation(EncryptionSpec spec) {
    return spec == EncryptionSpec.AES_GCM_16 ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
  }

  private static String jceKeyAlgorithm(EncryptionSpec spec) {
    return spec == EncryptionSpec.AES_GCM_16 ? "AES" : "ChaCha20";
  }
}
