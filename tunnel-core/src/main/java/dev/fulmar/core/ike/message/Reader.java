package dev.fulmar.core.ike.message;

import java.util.Arrays;

/**
 * A bounds-checked cursor over a region of a received message. Every read checks the region's end
 * first and fails with an {@link InvalidSyntaxException} that names the structure being read, the
 * field and the absolute offset, so nothing reads out of bounds and every error says where.
 */
final class Reader {

  private final byte[] buf;
  private final int end;
  private final String what;
  private int pos;

  /** Reads {@code buf[from, to)}; {@code what} names the structure in error messages. */
  Reader(byte[] buf, int from, int to, String what) {
    if (from < 0 || to < from || to > buf.length) {
      throw new IllegalArgumentException("bad region " + from + ".." + to + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = from;
    this.end = to;
    this.what = what;
  }

  /** Reads all of {@code buf}. */
  static Reader of(byte[] buf, String what) {
    return new Reader(buf, 0, buf.length, what);
  }

  /** Absolute offset of the next octet. */
  int offset() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  /** The whole buffer this reader reads from (not a copy); for raw views of a message. */
  byte[] buffer() {
    return buf;
  }

  int u8(String field) throws InvalidSyntaxException {
    need(1, field);
    return buf[pos++] & 0xff;
  }

  int u16(String field) throws InvalidSyntaxException {
    need(2, field);
    int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  long u32(String field) throws InvalidSyntaxException {
    need(4, field);
    long v = ((long) u16(field) << 16) | u16(field);
    return v;
  }

  long u64(String field) throws InvalidSyntaxException {
    need(8, field);
    return (u32(field) << 32) | u32(field);
  }

  /** The next {@code n} octets, copied. */
  byte[] bytes(int n, String field) throws InvalidSyntaxException {
    need(n, field);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /** All octets left, copied. */
  byte[] rest() {
    byte[] out = Arrays.copyOfRange(buf, pos, end);
    pos = end;
    return out;
  }

  /** A reader over the next {@code n} octets, for a nested structure; this reader skips them. */
  Reader slice(int n, String nestedWhat) throws InvalidSyntaxException {
    need(n, nestedWhat);
    Reader nested = new Reader(buf, pos, pos + n, nestedWhat);
    pos += n;
    return nested;
  }

  /** Fails unless every octet of the region was consumed. */
  void expectEnd() throws InvalidSyntaxException {
    if (pos != end) {
      throw error("%d unexpected octets at the end", end - pos);
    }
  }

  /** A syntax error at the current offset of this structure. */
  InvalidSyntaxException error(String format, Object... args) {
    return new InvalidSyntaxException(
        what + " at offset " + pos + ": " + String.format(format, args));
  }

  private void need(int n, String field) throws InvalidSyntaxException {
    if (n < 0 || n > end - pos) {
      throw error("%s needs %d octets but only %d remain", field, n, end - pos);
    }
  }
}
