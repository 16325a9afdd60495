package dev.fulmar.profiles.imports;

/**
 * Checks what the binary property list parser would otherwise only complain about on standard
 * error and then read anyway: an object whose length is "in the next integer" (low nibble 0xF)
 * but is followed by something other than an integer. Such a file is broken, so it is refused
 * with a message that says where, and the user's terminal gets no stray library output.
 *
 * <p>Layout (Apple's CFBinaryPList): {@code bplist00}, the objects, the offset table, and a
 * 32-byte trailer holding the size of an offset, the number of objects and where the offset table
 * starts. A trailer or offset table that does not fit the file is left to the parser, which
 * rejects it.
 */
final class BinaryPlistCheck {
  private static final int TRAILER = 32;

  private BinaryPlistCheck() {}

  /** Throws if an object of {@code plist} has a length marker that is not an integer. */
  static void check(byte[] plist) throws Exception {
    if (plist.length < 8 + TRAILER) {
      return;
    }
    int t = plist.length - TRAILER;
    int offsetSize = plist[t + 6] & 0xff;
    long objects = bigEndian(plist, t + 8, 8);
    long tableStart = bigEndian(plist, t + 24, 8);
    if (offsetSize < 1 || offsetSize > 8 || objects < 0 || tableStart < 8 || tableStart > t
        || objects > (t - tableStart) / offsetSize) {
      return;
    }
    for (int i = 0; i < objects; i++) {
      long offset = bigEndian(plist, (int) tableStart + i * offsetSize, offsetSize);
      if (offset < 8 || offset >= tableStart) {
        continue;
      }
      int marker = plist[(int) offset] & 0xff;
      if (hasLength(marker >> 4) && (marker & 0x0f) == 0x0f
          && (offset + 1 >= tableStart || (plist[(int) offset + 1] & 0xf0) != 0x10)) {
        throw new Exception("the binary property list is damaged: the length of object " + i
            + " (at byte " + offset + ") is not an integer");
      }
    }
  }

  /** Data, both string kinds, arrays, ordered sets, sets and dictionaries carry a length. */
  private static boolean hasLength(int type) {
    return type == 0x4 || type == 0x5 || type == 0x6 || type == 0xa || type == 0xb || type == 0xc
        || type == 0xd;
  }

  private static long bigEndian(byte[] b, int at, int size) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }
}
