package dev.fulmar.core.ike.crypto;

import java.util.List;

/**
 * Sizes of the encryption algorithms this package implements, shared by the IKE SK payload (RFC
 * 7296 §3.14, RFC 5282, RFC 7634 §4) and ESP (RFC 3602, RFC 4106, RFC 7634 §2).
 */
enum EncryptionSpec {
  /** AES-CBC, RFC 3602: 16-byte random IV, 16-byte blocks, needs an integrity algorithm. */
  AES_CBC(Algorithms.ENCR_AES_CBC, List.of(128, 256), false, 16, 0, 0, 16),
  /** AES-GCM with a 16-byte ICV, RFC 4106 / RFC 5282: 4-byte salt, 8-byte explicit IV. */
  AES_GCM_16(Algorithms.ENCR_AES_GCM_16, List.of(128, 256), true, 8, 4, 16, 1),
  /** ChaCha20-Poly1305, RFC 7634: 256-bit key (no Key Length attribute), 4-byte salt. */
  CHACHA20_POLY1305(Algorithms.ENCR_CHACHA20_POLY1305, List.of(), true, 8, 4, 16, 1);

  final int transformId;

  /** Allowed Key Length attribute values in bits; empty when the transform takes none. */
  final List<Integer> keyLengths;

  final boolean aead;
  final int ivLength;
  final int saltLength;
  final int icvLength;

  /** Block size for the IKE SK padding (1 for the AEADs: no padding needed). */
  final int blockSize;

  EncryptionSpec(
      int transformId,
      List<Integer> keyLengths,
      boolean aead,
      int ivLength,
      int saltLength,
      int icvLength,
      int blockSize) {
    this.transformId = transformId;
    this.keyLengths = keyLengths;
    this.aead = aead;
    this.ivLength = ivLength;
    this.saltLength = saltLength;
    this.icvLength = icvLength;
    this.blockSize = blockSize;
  }

  /** The cipher key length in bytes for a Key Length attribute (bits, 0 = absent). */
  int cipherKeyLength(int keyBits) {
    return keyLengths.isEmpty() ? 32 : keyBits / 8;
  }

  /** Key material per direction: cipher key plus salt (RFC 5282 §7.1, RFC 7634 §2). */
  int keyMaterialLength(int keyBits) {
    return cipherKeyLength(keyBits) + saltLength;
  }

  /** The spec for a supported transform ID, or null. */
  static EncryptionSpec of(int transformId) {
    for (EncryptionSpec spec : values()) {
      if (spec.transformId == transformId) {
        return spec;
      }
    }
    return null;
  }
}
