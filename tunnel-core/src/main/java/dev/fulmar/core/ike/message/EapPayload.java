package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Extensible Authentication payload, EAP (RFC 7296 §3.16): one EAP message (RFC 3748 §4) as raw
 * octets; the EAP layer interprets it. The codec checks only the EAP header's Length field against
 * the payload.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                       EAP Message                             ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * EAP Message: | Code | Identifier | Length (2) | Type | Type_Data ... |
 * </pre>
 *
 * <p>An EAP message may carry a credential (EAP-GTC and EAP-MD5 responses, a password inside
 * EAP-TTLS), so {@link #toString()} shows only code, identifier, type and length.
 *
 * @param message the EAP message, Code through Type-Data
 */
public record EapPayload(byte[] message) implements Payload {

  /** Length of the EAP header: Code, Identifier and Length. */
  static final int EAP_HEADER_LENGTH = 4;

  /** Validates and copies. */
  public EapPayload {
    message = Bytes.copy(message, "message");
    String problem = problem(message);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Bytes.checkBody(message.length, "EAP payload");
  }

  @Override
  public byte[] message() {
    return message.clone();
  }

  /** The EAP Code (1 Request, 2 Response, 3 Success, 4 Failure). */
  public int code() {
    return message[0] & 0xff;
  }

  /** The EAP Identifier. */
  public int identifier() {
    return message[1] & 0xff;
  }

  @Override
  public PayloadType type() {
    return PayloadType.EAP;
  }

  @Override
  public int bodyLength() {
    return message.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put(message);
  }

  static EapPayload decode(Reader body) throws InvalidSyntaxException {
    byte[] message = body.rest();
    String problem = problem(message);
    if (problem != null) {
      throw body.error("%s", problem);
    }
    return new EapPayload(message);
  }

  private static String problem(byte[] m) {
    if (m.length < EAP_HEADER_LENGTH) {
      return "EAP message of " + m.length + " octets is shorter than the EAP header";
    }
    int length = ((m[2] & 0xff) << 8) | (m[3] & 0xff);
    if (length != m.length) {
      return "EAP Length field says " + length + " octets, the payload carries " + m.length;
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EapPayload e && Arrays.equals(e.message, message);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(message);
  }

  @Override
  public String toString() {
    String type =
        message.length > EAP_HEADER_LENGTH && (code() == 1 || code() == 2)
            ? " type=" + (message[EAP_HEADER_LENGTH] & 0xff)
            : "";
    return "EAP(code=" + code() + " id=" + identifier() + type + ", " + message.length + " octets)";
  }
}
