package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;

/**
 * Builds {@code IntAuth_*A | IntAuth_*P} of RFC 9242 §3.3.2 from the pieces of a message: the IKE
 * header as sent, the unprotected payloads as sent, the SK (or first SKF) generic header and the
 * inner payloads in clear.
 *
 * <pre>
 *  +-------------------------------+ ^
 *  | IKE header, Length adjusted   | |
 *  +-------------------------------+ |
 *  | unencrypted payloads (if any) | A
 *  +-------------------------------+ |
 *  | SK generic header, adjusted   | v
 *  +-------------------------------+ ^
 *  | inner payloads (plaintext)    | P
 *  +-------------------------------+ v
 * </pre>
 *
 * <p>Adjusted means: the IKE header's Length is {@code len(A) + len(P)}; SK's Payload Length is
 * {@code 4 + len(P)}; and, because the message is taken as if unfragmented, the Next Payload field
 * that pointed at SKF (in the IKE header or the last unencrypted payload) points at SK (46).
 */
final class IntAuthOctets {

  private static final int NEXT_PAYLOAD_OFFSET = 16;
  private static final int LENGTH_OFFSET = 24;

  private IntAuthOctets() {}

  /**
   * @param header the 28 header octets as sent or received
   * @param clear the unencrypted payloads in front of SK/SKF as sent or received (maybe empty)
   * @param lastClearOffset offset within {@code clear} of the last unencrypted payload, or -1
   * @param skFlags the second octet (critical bit and RESERVED) of the SK/SKF generic header
   * @param firstInner the first inner payload type
   * @param plaintext the inner payload chain in clear
   */
  static byte[] build(
      byte[] header,
      byte[] clear,
      int lastClearOffset,
      int skFlags,
      PayloadType firstInner,
      byte[] plaintext) {
    int total =
        IkeSpec.HEADER_LENGTH
            + clear.length
            + IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH
            + plaintext.length;
    ByteBuffer out = ByteBuffer.allocate(total);
    out.put(header, 0, IkeSpec.HEADER_LENGTH);
    out.putInt(LENGTH_OFFSET, total);
    if (lastClearOffset < 0) {
      out.put(NEXT_PAYLOAD_OFFSET, (byte) PayloadType.SK.value());
    }
    out.put(clear);
    if (lastClearOffset >= 0) {
      out.put(IkeSpec.HEADER_LENGTH + lastClearOffset, (byte) PayloadType.SK.value());
    }
    out.put((byte) firstInner.value());
    out.put((byte) skFlags);
    out.putShort((short) (IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH + plaintext.length));
    out.put(plaintext);
    return out.array();
  }
}
