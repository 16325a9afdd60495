package dev.fulmar.core.ike.auth;

import java.util.Map;

/**
 * An IKEv2 hash algorithm identifier (IANA "IKEv2 Hash Algorithms", RFC 7427 §4). An open value
 * class: unknown numbers get an {@code unknown(N)} instance instead of an error.
 */
public final class SignatureHash {

  /** SHA1 (1): never accepted for authentication. */
  public static final SignatureHash SHA1 = new SignatureHash(1, "SHA1", null, 20);
  /** SHA2_256 (2). */
  public static final SignatureHash SHA2_256 = new SignatureHash(2, "SHA2_256", "SHA-256", 32);
  /** SHA2_384 (3). */
  public static final SignatureHash SHA2_384 = new SignatureHash(3, "SHA2_384", "SHA-384", 48);
  /** SHA2_512 (4). */
  public static final SignatureHash SHA2_512 = new SignatureHash(4, "SHA2_512", "SHA-512", 64);
  /** Identity (5, RFC 8420): for EdDSA, which hashes internally. */
  public static final SignatureHash IDENTITY = new SignatureHash(5, "IDENTITY", null, 0);

  private static final Map<Integer, SignatureHash> KNOWN =
      Map.of(1, SHA1, 2, SHA2_256, 3, SHA2_384, 4, SHA2_512, 5, IDENTITY);

  private final int value;
  private final String name;
  private final String jcaName;
  private final int length;

  private SignatureHash(int value, String name, String jcaName, int length) {
    this.value = value;
    this.name = name;
    this.jcaName = jcaName;
    this.length = length;
  }

  /** The constant for {@code value}, or a new {@code unknown(value)} instance. */
  public static SignatureHash valueOf(int value) {
    SignatureHash known = KNOWN.get(value);
    return known != null ? known : new SignatureHash(value, "unknown(" + value + ")", null, 0);
  }

  /** The 16-bit IANA number. */
  public int value() {
    return value;
  }

  /** The JCA digest name, or {@code null} for SHA-1, identity and unknown hashes. */
  String jcaName() {
    return jcaName;
  }

  /** Digest length in bytes (0 if not a digest we use). */
  int length() {
    return length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureHash && ((SignatureHash) o).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  @Override
  public String toString() {
    return name;
  }
}
