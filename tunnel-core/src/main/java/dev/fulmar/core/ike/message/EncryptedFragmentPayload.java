package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encrypted and Authenticated Fragment payload, SKF (RFC 7383 §2.5), as it travels: one protected
 * piece of a message's inner payload chain. The first fragment's Next Payload names the first inner
 * payload; the others carry 0. {@link FragmentReassembler} verifies and joins them.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Fragment Number        |        Total Fragments        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Initialization Vector                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                      Encrypted content                        ~
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               |             Padding (0-255 octets)            |
 * +-+-+-+-+-+-+-+-+                               +-+-+-+-+-+-+-+-+
 * |                                               |  Pad Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                    Integrity Checksum Data                    ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Fragment Number counts from 1 and is at most Total Fragments; neither may be zero. A received
 * payload that breaks this is rejected with INVALID_SYNTAX.
 *
 * @param firstInnerType the first inner payload's type in fragment 1, {@link PayloadType#NONE} in
 *     the others
 * @param fragmentNumber this fragment's number, 1..totalFragments
 * @param totalFragments how many fragments the message was split into
 * @param body IV, ciphertext (with padding and pad length) and ICV
 */
public record EncryptedFragmentPayload(
    PayloadType firstInnerType, int fragmentNumber, int totalFragments, byte[] body)
    implements Payload {

  /** Validates and copies. */
  public EncryptedFragmentPayload {
    Bytes.checkRange(firstInnerType.value(), PayloadType.MAX_VALUE, "first inner payload type");
    Bytes.checkRange(totalFragments, 0xffff, "Total Fragments");
    if (fragmentNumber < 1 || fragmentNumber > totalFragments) {
      throw new IllegalArgumentException(
          "fragment number " + fragmentNumber + " outside 1.." + totalFragments);
    }
    body = Bytes.copy(body, "body");
    Bytes.checkBody(IkeSpec.FRAGMENT_FIELDS_LENGTH + body.length, "SKF payload");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.SKF;
  }

  @Override
  public int bodyLength() {
    return IkeSpec.FRAGMENT_FIELDS_LENGTH + body.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.putShort((short) fragmentNumber);
    out.putShort((short) totalFragments);
    out.put(body);
  }

  static EncryptedFragmentPayload decode(PayloadType firstInner, Reader body)
      throws InvalidSyntaxException {
    int number = body.u16("Fragment Number");
    int total = body.u16("Total Fragments");
    if (number == 0 || total == 0 || number > total) {
      throw body.error(
          "fragment number %d of %d: both must be non-zero, number <= total", number, total);
    }
    return new EncryptedFragmentPayload(firstInner, number, total, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedFragmentPayload e
        && e.firstInnerType.equals(firstInnerType)
        && e.fragmentNumber == fragmentNumber
        && e.totalFragments == totalFragments
        && Arrays.equals(e.body, body);
  }

  @Override
  public int hashCode() {
    int h = firstInnerType.hashCode() * 31 + fragmentNumber;
    return (h * 31 + totalFragments) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "SKF("
        + fragmentNumber
        + "/"
        + totalFragments
        + ", first "
        + firstInnerType
        + ", "
        + body.length
        + " octets)";
  }
}
