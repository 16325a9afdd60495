package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;

/**
 * A protocol error that carries its consequence: the error Notify payload that reports it to the
 * peer (STYLE.md #4; RFC 7296 §2.21). Thrown by the codec for malformed input and usable by the
 * engine for negotiation failures; {@link #fromNotify} turns a peer's error Notify back into the
 * matching exception.
 *
 * <p>The message text is for logs and says what was wrong and where; it never contains key
 * material.
 */
public class IkeProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient NotifyType errorType;
  private final byte[] errorData;

  /**
   * An error of any Notify error type.
   *
   * @param errorType the Notify error type (0 to 16383)
   * @param errorData the Notification Data the error carries (may be empty)
   * @param message what went wrong, for logs
   */
  public IkeProtocolException(NotifyType errorType, byte[] errorData, String message) {
    super(message);
    if (!errorType.isError()) {
      throw new IllegalArgumentException(errorType + " is a status type, not an error type");
    }
    this.errorType = errorType;
    this.errorData = errorData.clone();
  }

  /** The Notify error type that reports this error. */
  public NotifyType errorType() {
    return errorType;
  }

  /** The Notification Data of that Notify (a copy). */
  public byte[] errorData() {
    return errorData.clone();
  }

  /** The Notify payload that reports this error to the peer (RFC 7296 §3.10). */
  public NotifyPayload toNotifyPayload() {
    return NotifyPayload.of(errorType, errorData);
  }

  /**
   * The exception a peer's error Notify stands for: the typed subclass where one exists, else a
   * plain {@code IkeProtocolException} of that error type.
   *
   * @throws IllegalArgumentException if {@code notify} is a status notify
   */
  public static IkeProtocolException fromNotify(NotifyPayload notify) {
    NotifyType type = notify.notifyType();
    byte[] data = notify.data();
    String text = "peer reported " + type;
    if (type.equals(NotifyType.INVALID_SYNTAX)) {
      return new InvalidSyntaxException(text);
    }
    if (type.equals(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD) && data.length == 1) {
      return new UnsupportedCriticalPayloadException(PayloadType.valueOf(data[0] & 0xff));
    }
    if (type.equals(NotifyType.INVALID_KE_PAYLOAD) && data.length == 2) {
      return new InvalidKePayloadException(
          KeyExchangeMethod.valueOf(ByteBuffer.wrap(data).getShort() & 0xffff));
    }
    return new IkeProtocolException(type, data, text);
  }
}
