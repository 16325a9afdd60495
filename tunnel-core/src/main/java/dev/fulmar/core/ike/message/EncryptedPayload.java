package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encrypted and Authenticated payload, SK (RFC 7296 §3.14), as it travels: opaque. Its Next Payload
 * field names the first inner payload. The codec seals and opens it with an {@link
 * dev.fulmar.core.ike.crypto.SkCipher} (see {@link
 * IkeMessage#encode(dev.fulmar.core.ike.crypto.SkCipher)} and {@link IkeMessage#decodeProtected});
 * this class only carries the body.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Initialization Vector                     |
 * |         (length is block size for encryption algorithm)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                    Encrypted IKE Payloads                     ~
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               |             Padding (0-255 octets)            |
 * +-+-+-+-+-+-+-+-+                               +-+-+-+-+-+-+-+-+
 * |                                               |  Pad Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                    Integrity Checksum Data                    ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param firstInnerType the type of the first inner payload ({@link PayloadType#NONE} if empty)
 * @param body IV, ciphertext (with padding and pad length) and ICV
 */
public record EncryptedPayload(PayloadType firstInnerType, byte[] body) implements Payload {

  /** Validates and copies. */
  public EncryptedPayload {
    Bytes.checkRange(firstInnerType.value(), PayloadType.MAX_VALUE, "first inner payload type");
    body = Bytes.copy(body, "body");
    Bytes.checkBody(body.length, "SK payload");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.SK;
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
    return o instanceof EncryptedPayload e
        && e.firstInnerType.equals(firstInnerType)
        && Arrays.equals(e.body, body);
  }

  @Override
  public int hashCode() {
    return firstInnerType.hashCode() * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "SK(first " + firstInnerType + ", " + body.length + " octets)";
  }
}
