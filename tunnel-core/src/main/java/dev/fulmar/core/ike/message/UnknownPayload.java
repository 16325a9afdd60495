package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A payload of a type we do not process, received without the critical bit (RFC 7296 §2.5: "MUST
 * skip over it and continue processing"). Kept with its body so that a message can be logged and
 * re-encoded as received. An unknown payload with the critical bit set is rejected with
 * UNSUPPORTED_CRITICAL_PAYLOAD instead.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                          (opaque body)                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param payloadType the payload type as received
 * @param body the body after the generic header
 */
public record UnknownPayload(PayloadType payloadType, byte[] body) implements Payload {

  /** Validates and copies. */
  public UnknownPayload {
    Bytes.checkRange(payloadType.value(), PayloadType.MAX_VALUE, "payload type");
    if (payloadType.equals(PayloadType.NONE)) {
      throw new IllegalArgumentException("payload type 0 means no next payload");
    }
    body = Bytes.copy(body, "body");
    Bytes.checkBody(body.length, "unknown payload");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public PayloadType type() {
    return payloadType;
  }

  @Override
  public int bodyLength() {
    return body.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put(body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownPayload u
        && u.payloadType.equals(payloadType)
        && Arrays.equals(u.body, body);
  }

  @Override
  public int hashCode() {
    return payloadType.hashCode() * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "Unknown(" + payloadType + ", " + body.length + " octets)";
  }
}
