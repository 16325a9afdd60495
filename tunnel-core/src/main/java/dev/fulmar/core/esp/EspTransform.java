package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * One negotiated ESP transform: AES-GCM-16 (RFC 4106), ChaCha20-Poly1305 (RFC 7634) or AES-CBC
 * (RFC 3602) with an HMAC-SHA2 integrity algorithm (RFC 4868). It knows the wire sizes (IV, ICV,
 * padding block) that the codec and the tunnel-MTU computation need, and the key lengths the
 * engine must derive (RFC 7296 §2.17: encryption key, including the AEAD salt, then integrity
 * key).
 */
public final class EspTransform {
  /** IANA Transform Type 1 ids. */
  static final int ENCR_AES_CBC = 12;
  static final int ENCR_AES_GCM_16 = 20;
  static final int ENCR_CHACHA20_POLY1305 = 28;

  /** Bytes of salt appended to the AEAD key (RFC 4106 §8.1, RFC 7634 §2). */
  static final int AEAD_SALT_LENGTH = 4;

  enum Kind {
    AES_GCM,
    CHACHA20_POLY1305,
    AES_CBC_HMAC
  }

  private final Kind kind;
  private final int keyBits;
  private final EspIntegrity integrity;

  private EspTransform(Kind kind, int keyBits, EspIntegrity integrity) {
    this.kind = kind;
    this.keyBits = keyBits;
    this.integrity = integrity;
  }

  /** AES-GCM with a 16-byte ICV; {@code keyBits} is 128, 192 or 256. */
  public static EspTransform aesGcm16(int keyBits) {
    requireAesKeyBits(keyBits);
    return new EspTransform(Kind.AES_GCM, keyBits, null);
  }

  /** ChaCha20-Poly1305 with a 256-bit key (RFC 7634). */
  public static EspTransform chacha20Poly1305() {
    return new EspTransform(Kind.CHACHA20_POLY1305, 256, null);
  }

  /** AES-CBC ({@code keyBits} 128, 192 or 256) with the given HMAC-SHA2 integrity. */
  public static EspTransform aesCbc(int keyBits, EspIntegrity integrity) {
    requireAesKeyBits(keyBits);
    return new EspTransform(Kind.AES_CBC_HMAC, keyBits, Objects.requireNonNull(integrity));
  }

  /**
   * The transform for negotiated IANA ids (Transform Type 1 id, Key Length attribute in bits,
   * Transform Type 3 id or 0 for none).
   *
   * @throws UnsupportedTransformException naming the algorithm if it is weak or unknown
   */
  public static EspTransform fromIana(int encrId, int keyBits, int integId)
      throws UnsupportedTransformException {
    String weak = weakName(encrId, integId);
    if (weak != null) {
      throw new UnsupportedTransformException("refusing weak ESP algorithm " + weak);
    }
    switch (encrId) {
      case ENCR_AES_GCM_16:
        requireNoIntegrity(integId, "AES-GCM-16");
        return aesGcm16(checkedAesBits(keyBits, "AES-GCM-16"));
      case ENCR_CHACHA20_POLY1305:
        requireNoIntegrity(integId, "ChaCha20-Poly1305");
        if (keyBits != 0 && keyBits != 256) {
          throw new UnsupportedTransformException("ChaCha20-Poly1305 key length " + keyBits);
        }
        return chacha20Poly1305();
      case ENCR_AES_CBC:
        EspIntegrity integ = EspIntegrity.byIanaId(integId);
        if (integ == null) {
          throw new UnsupportedTransformException(
              "AES-CBC needs HMAC-SHA2-256/384/512 integrity, got integrity id " + integId);
        }
        return aesCbc(checkedAesBits(keyBits, "AES-CBC"), integ);
      default:
        throw new UnsupportedTransformException("unknown ESP encryption algorithm id " + encrId);
    }
  }

  private static String weakName(int encrId, int integId) {
    switch (encrId) {
      case 1: case 2: case 9: return "DES (ENCR_DES)";
      case 3: return "3DES (ENCR_3DES)";
      case 7: return "Blowfish (ENCR_BLOWFISH)";
      case 11: return "NULL encryption (ENCR_NULL)";
      default: break;
    }
    switch (integId) {
      case 1: case 6: return "MD5 integrity (AUTH_HMAC_MD5)";
      case 2: case 7: return "SHA-1 integrity (AUTH_HMAC_SHA1)";
      case 3: return "DES-MAC integrity (AUTH_DES_MAC)";
      case 4: return "KPDK-MD5 integrity (AUTH_KPDK_MD5)";
      default: return null;
    }
  }

  private static void requireNoIntegrity(int integId, String name)
      throws UnsupportedTransformException {
    if (integId != 0) {
      throw new UnsupportedTransformException(
          name + " is an AEAD and takes no integrity algorithm, got id " + integId);
    }
  }

  private static int checkedAesBits(int bits, String name) throws UnsupportedTransformException {
    if (bits != 128 && bits != 192 && bits != 256) {
      throw new UnsupportedTransformException(name + " key length " + bits + " bits");
    }
    return bits;
  }

  private static void requireAesKeyBits(int bits) {
    if (bits != 128 && bits != 192 && bits != 256) {
      throw new IllegalArgumentException("AES key length must be 128, 192 or 256 bits: " + bits);
    }
  }

  Kind kind() {
    return kind;
  }

  /** True for AES-GCM and ChaCha20-Poly1305. */
  public boolean isAead() {
    return kind != Kind.AES_CBC_HMAC;
  }

  /** The integrity algorithm, or null for an AEAD. */
  public EspIntegrity integrity() {
    return integrity;
  }

  /** Encryption key material in bytes, including the 4-byte salt of an AEAD. */
  public int encryptionKeyLength() {
    return keyBits / 8 + (isAead() ? AEAD_SALT_LENGTH : 0);
  }

  /** Integrity key material in bytes (0 for an AEAD). */
  public int integrityKeyLength() {
    return integrity == null ? 0 : integrity.keyLength();
  }

  /** Explicit IV bytes carried in each packet. */
  public int ivLength() {
    return kind == Kind.AES_CBC_HMAC ? 16 : 8;
  }

  /** ICV bytes at the end of each packet. */
  public int icvLength() {
    return integrity == null ? 16 : integrity.icvLength();
  }

  /** The payload+trailer must be a multiple of this (cipher block or ESP's 4-byte alignment). */
  public int blockSize() {
    return kind == Kind.AES_CBC_HMAC ? 16 : EspSpec.MIN_ALIGNMENT;
  }

  /** Pad length for a payload of {@code payloadLength} bytes (no TFC padding). */
  public int padLength(int payloadLength) {
    int block = blockSize();
    return (block - (payloadLength + EspSpec.TRAILER_LENGTH) % block) % block;
  }

  /** Length of the ESP packet (header to ICV) that carries {@code payloadLength} bytes. */
  public int sealedLength(int payloadLength) {
    return EspSpec.HEADER_LENGTH + ivLength() + payloadLength + padLength(payloadLength)
        + EspSpec.TRAILER_LENGTH + icvLength();
  }

  /** The largest payload whose ESP packet is at most {@code espBudget} bytes (may be negative). */
  public int maxPayloadLength(int espBudget) {
    int avail = espBudget - EspSpec.HEADER_LENGTH - ivLength() - icvLength();
    return Math.floorDiv(avail, blockSize()) * blockSize() - EspSpec.TRAILER_LENGTH;
  }

  EspCipher newCipher(byte[] encKey, byte[] integKey, boolean outbound)
      throws GeneralSecurityException {
    switch (kind) {
      case AES_GCM:
        return GcmEspCipher.aesGcm(encKey);
      case CHACHA20_POLY1305:
        return new ChaChaPolyEspCipher(encKey);
      default:
        return new CbcHmacEspCipher(encKey, integKey, integrity, outbound);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EspTransform
        && ((EspTransform) o).kind == kind
        && ((EspTransform) o).keyBits == keyBits
        && ((EspTransform) o).integrity == integrity;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, keyBits, integrity);
  }

  @Override
  public String toString() {
    switch (kind) {
      case AES_GCM:
        return "AES-GCM-16-" + keyBits;
      case CHACHA20_POLY1305:
        return "ChaCha20-Poly1305";
      default:
        return "AES-CBC-" + keyBits + "/" + integrity.name();
    }
  }
}
