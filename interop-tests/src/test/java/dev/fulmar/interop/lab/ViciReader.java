package dev.fulmar.interop.lab;

import java.nio.charset.StandardCharsets;

/** Bounds-checked reads of VICI element fields; every overrun is a {@link ViciFormatException}. */
final class ViciReader {
  private final byte[] data;
  private final int start;
  private final int end;
  private int pos;

  ViciReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("range outside the buffer");
    }
    this.data = data;
    this.start = offset;
    this.pos = offset;
    this.end = offset + length;
  }

  int remaining() {
    return end - pos;
  }

  int u8(String what) throws ViciFormatException {
    need(1, what);
    return data[pos++] & 0xff;
  }

  String name() throws ViciFormatException {
    int len = u8("name length");
    need(len, "name");
    String s = new String(data, pos, len, StandardCharsets.US_ASCII);
    pos += len;
    return s;
  }

  String value() throws ViciFormatException {
    need(2, "value length");
    int len = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    pos += 2;
    need(len, "value");
    String s = new String(data, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  private void need(int n, String what) throws ViciFormatException {
    if (end - pos < n) {
      throw error("truncated " + what + ": need " + n + " bytes, " + (end - pos) + " left");
    }
  }

  ViciFormatException error(String message) {
    return new ViciFormatException(message + " at offset " + (pos - start));
  }
}
