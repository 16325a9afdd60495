package dev.fulmar.core.ike.message;

/**
 * INVALID_KE_PAYLOAD (RFC 7296 §1.2, §3.10.1): the KE payload used a key exchange method other than
 * the one the responder selected. The Notify carries the two-octet method the responder accepts, so
 * the initiator can retry with it.
 */
public final class InvalidKePayloadException extends IkeProtocolException {

  private static final long serialVersionUID = 1L;

  private final transient KeyExchangeMethod acceptedMethod;

  /** Reports that the peer accepts {@code acceptedMethod}. */
  public InvalidKePayloadException(KeyExchangeMethod acceptedMethod) {
    super(
        NotifyType.INVALID_KE_PAYLOAD,
        new byte[] {
          (byte) (Bytes.checkRange(acceptedMethod.value(), 0xffff, "method") >>> 8),
          (byte) acceptedMethod.value()
        },
        "key exchange method not accepted; the responder asks for " + acceptedMethod);
    this.acceptedMethod = acceptedMethod;
  }

  /** The key exchange method the responder accepts. */
  public KeyExchangeMethod acceptedMethod() {
    return acceptedMethod;
  }
}
