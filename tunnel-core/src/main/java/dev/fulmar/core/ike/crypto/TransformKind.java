package dev.fulmar.core.ike.crypto;

/**
 * The four kinds of IKEv2 transform whose algorithms this package implements (RFC 7296 §3.3.2,
 * renamed by RFC 9370 §2.1 for key exchange methods).
 *
 * <p>The additional key exchange transform types 6..12 of RFC 9370 draw their IDs from the same
 * registry as {@link #KEY_EXCHANGE}; the extended sequence numbers transform (type 5) is not a
 * cryptographic algorithm and is not handled here.
 */
public enum TransformKind {
  /** Transform Type 1, "Encryption Algorithm (ENCR)". */
  ENCRYPTION(1, "encryption algorithm"),
  /** Transform Type 2, "Pseudorandom Function (PRF)". */
  PRF(2, "pseudorandom function"),
  /** Transform Type 3, "Integrity Algorithm (INTEG)". */
  INTEGRITY(3, "integrity algorithm"),
  /** Transform Type 4, "Key Exchange Method (KE)" (also types 6..12, ADDKE1..ADDKE7). */
  KEY_EXCHANGE(4, "key exchange method");

  private final int transformType;
  private final String description;

  TransformKind(int transformType, String description) {
    this.transformType = transformType;
    this.description = description;
  }

  /** The IANA transform type number (for {@link #KEY_EXCHANGE}: 4, the main key exchange). */
  public int transformType() {
    return transformType;
  }

  /** Plain-language name, e.g. "encryption algorithm". */
  public String description() {
    return description;
  }
}
