package dev.fulmar.core.ike.message;

/**
 * UNSUPPORTED_CRITICAL_PAYLOAD (RFC 7296 §2.5, §3.10.1): a payload we do not understand had the
 * critical bit set. The Notify carries the one-octet payload type.
 */
public final class UnsupportedCriticalPayloadException extends IkeProtocolException {

  private static final long serialVersionUID = 1L;

  private final transient PayloadType payloadType;

  /** Reports the critical payload of type {@code payloadType}. */
  public UnsupportedCriticalPayloadException(PayloadType payloadType) {
    super(
        NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD,
        new byte[] {(byte) payloadType.value()},
        "unsupported payload " + payloadType + " has the critical bit set");
    this.payloadType = payloadType;
  }

  /** The type of the payload we could not process. */
  public PayloadType payloadType() {
    return payloadType;
  }
}
