package dev.fulmar.profiles.model;

/**
 * A transform named in a proposal. Each constant maps 1:1 to an IANA IKEv2 transform (type and ID,
 * plus the key length attribute where the transform has one), so the engine can build the SA
 * payload from it directly.
 */
public interface Algorithm {

  /** Whether Fulmar will negotiate a transform. */
  enum Status {
    /** Implemented and allowed. */
    SUPPORTED,
    /** Broken or too weak (RFC 8221 / RFC 8247): always refused, a profile cannot downgrade. */
    WEAK,
    /** A sound transform that Fulmar does not implement. */
    UNSUPPORTED
  }

  /** The strongSwan-style keyword, e.g. {@code aes256gcm16}, {@code prfsha384}, {@code ecp384}. */
  String keyword();

  /** IANA transform type: 1 ENCR, 2 PRF, 3 INTEG, 4 KE, 5 ESN. */
  int transformType();

  /** IANA transform ID within its type. */
  int transformId();

  /** Key length attribute in bits (ENCR with variable key length only), or 0 if none. */
  int keyLength();

  /** The IANA registry name, e.g. {@code ENCR_AES_GCM_16}. */
  String ianaName();

  Status status();
}
