package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Key Exchange payload (RFC 7296 §3.4): the sender's public value (Diffie-Hellman, ECDH, X25519) or
 * KEM encapsulation key or ciphertext (ML-KEM, RFC 9370) for one key exchange method.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Key Exchange Method Num     |           RESERVED            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                       Key Exchange Data                       ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The data's length for a given method is checked by the key exchange, not here.
 *
 * @param method the key exchange method
 * @param data the key exchange data (public, never secret)
 */
public record KePayload(KeyExchangeMethod method, byte[] data) implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public KePayload {
    Bytes.checkRange(method.value(), KeyExchangeMethod.MAX_VALUE, "key exchange method");
    data = Bytes.copy(data, "data");
    Bytes.checkBody(FIXED_LENGTH + data.length, "KE payload");
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.KE;
  }

  @Override
  public int bodyLength() {
    return FIXED_LENGTH + data.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.putShort((short) method.value());
    out.putShort((short) 0);
    out.put(data);
  }

  static KePayload decode(Reader body) throws InvalidSyntaxException {
    KeyExchangeMethod method = KeyExchangeMethod.valueOf(body.u16("Key Exchange Method Num"));
    body.u16("RESERVED");
    return new KePayload(method, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KePayload k && k.method.equals(method) && Arrays.equals(k.data, data);
  }

  @Override
  public int hashCode() {
    return method.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "KE(" + method + ", " + data.length + " octets)";
  }
}
