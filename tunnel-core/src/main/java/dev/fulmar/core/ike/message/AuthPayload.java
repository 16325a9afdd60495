package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Authentication payload, AUTH (RFC 7296 §3.8): a signature or MAC over the signed octets of RFC
 * 7296 §2.15. For {@link AuthMethod#DIGITAL_SIGNATURE} the data starts with the length-prefixed
 * AlgorithmIdentifier of RFC 7427 §3.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Auth Method   |                RESERVED                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                      Authentication Data                      ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param method the authentication method
 * @param data the authentication data (a signature or a MAC; not secret once sent)
 */
public record AuthPayload(AuthMethod method, byte[] data) implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public AuthPayload {
    Bytes.checkRange(method.value(), AuthMethod.MAX_VALUE, "auth method");
    data = Bytes.copy(data, "data");
    Bytes.checkBody(FIXED_LENGTH + data.length, "AUTH payload");
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.AUTH;
  }

  @Override
  public int bodyLength() {
    return FIXED_LENGTH + data.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) method.value());
    out.put(new byte[3]);
    out.put(data);
  }

  static AuthPayload decode(Reader body) throws InvalidSyntaxException {
    AuthMethod method = AuthMethod.valueOf(body.u8("Auth Method"));
    body.bytes(3, "RESERVED");
    return new AuthPayload(method, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthPayload a && a.method.equals(method) && Arrays.equals(a.data, data);
  }

  @Override
  public int hashCode() {
    return method.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "AUTH(" + method + ", " + data.length + " octets)";
  }
}
