package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;

/**
 * The header that proposals (RFC 7296 §3.3.1) and transforms (§3.3.2) share inside an SA payload:
 * Last Substruc (0 for the last one, else the substructure's own "more" value), a reserved octet
 * and the length of the whole substructure.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Last Substruc |   RESERVED    |         Length                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class Substructure {
  private static final int HEADER_LENGTH = 4;

  /** A decoded header: its Last Substruc value and a reader over the rest of the substructure. */
  record Header(int lastSubstruc, Reader body) {}

  private Substructure() {}

  static void writeHeader(ByteBuffer out, boolean last, int more, int length) {
    out.put((byte) (last ? 0 : more));
    out.put((byte) 0);
    out.putShort((short) length);
  }

  /**
   * Reads the header of the substructure {@code where} (e.g. "proposal 1") whose length field is
   * named {@code lengthField}, and slices its body.
   */
  static Header read(Reader r, String where, String lengthField, int fixedLength)
      throws InvalidSyntaxException {
    int lastSubstruc = r.u8(where + " Last Substruc");
    r.u8(where + " RESERVED");
    int length = r.u16(where + " " + lengthField);
    if (length < fixedLength) {
      throw r.error("%s length %d is below the minimum %d", where, length, fixedLength);
    }
    return new Header(lastSubstruc, r.slice(length - HEADER_LENGTH, where));
  }

  /**
   * Checks that Last Substruc says whether more substructures follow in {@code r}: {@code more}
   * if they do, 0 after the last one.
   */
  static void checkLast(Reader r, int lastSubstruc, int more, String where, String plural)
      throws InvalidSyntaxException {
    boolean follow = r.remaining() > 0;
    if (lastSubstruc != (follow ? more : 0)) {
      throw r.error(
          "%s has Last Substruc %d but %s",
          where,
          lastSubstruc,
          follow
              ? "more " + plural + " follow (expected " + more + ")"
              : "it is the last one (expected 0)");
    }
  }
}
