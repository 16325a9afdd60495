package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Nonce payload, Ni or Nr (RFC 7296 §3.9): 16 to 256 random octets, at least half the PRF key size.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                            Nonce Data                         ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param nonce the nonce data
 */
public record NoncePayload(byte[] nonce) implements Payload {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the nonce is shorter than 16 or longer than 256 octets
   */
  public NoncePayload {
    nonce = Bytes.copy(nonce, "nonce");
    if (nonce.length < IkeSpec.MIN_NONCE_LENGTH || nonce.length > IkeSpec.MAX_NONCE_LENGTH) {
      throw new IllegalArgumentException(lengthProblem(nonce.length));
    }
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.NONCE;
  }

  @Override
  public int bodyLength() {
    return nonce.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put(nonce);
  }

  static NoncePayload decode(Reader body) throws InvalidSyntaxException {
    int length = body.remaining();
    if (length < IkeSpec.MIN_NONCE_LENGTH || length > IkeSpec.MAX_NONCE_LENGTH) {
      throw body.error("%s", lengthProblem(length));
    }
    return new NoncePayload(body.rest());
  }

  private static String lengthProblem(int length) {
    return "nonce of "
        + length
        + " octets, must be "
        + IkeSpec.MIN_NONCE_LENGTH
        + " to "
        + IkeSpec.MAX_NONCE_LENGTH;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoncePayload n && Arrays.equals(n.nonce, nonce);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "Nonce(" + Bytes.brief(nonce) + ")";
  }
}
