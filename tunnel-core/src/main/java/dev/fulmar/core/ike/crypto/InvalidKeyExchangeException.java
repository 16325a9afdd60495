package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;

/**
 * The peer's Key Exchange Data is not a valid value for its method: wrong length, a MODP value
 * outside {@code 1 < y < p-1}, a point not on the curve, an X25519 point of small order, an ML-KEM
 * encapsulation key that fails the FIPS 203 modulus check, and so on (RFC 6989, FIPS 203 §7).
 *
 * <p>The engine answers it with an INVALID_SYNTAX notify ({@link #notifyType()}) as a responder, or
 * abandons the exchange as an initiator. The message names the method and the reason; it never
 * contains key material.
 */
public final class InvalidKeyExchangeException extends GeneralSecurityException {

  /** IANA Notify Message Type INVALID_SYNTAX (RFC 7296 §3.10.1). */
  public static final int INVALID_SYNTAX = 7;

  private static final long serialVersionUID = 1L;

  private final int method;
  private final String reason;

  InvalidKeyExchangeException(int method, String reason) {
    super(
        "invalid "
            + Algorithms.name(TransformKind.KEY_EXCHANGE, method)
            + " key exchange data: "
            + reason);
    this.method = method;
    this.reason = reason;
  }

  InvalidKeyExchangeException(int method, String reason, Throwable cause) {
    this(method, reason);
    initCause(cause);
  }

  /** The key exchange method whose data was invalid. */
  public int method() {
    return method;
  }

  /** What is wrong, in words (e.g. "point is not on the curve"). */
  public String reason() {
    return reason;
  }

  /** The error notify to send: {@link #INVALID_SYNTAX}. */
  public int notifyType() {
    return INVALID_SYNTAX;
  }
}
