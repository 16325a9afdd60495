package dev.fulmar.profiles.imports;

import java.nio.charset.StandardCharsets;

/** Decodes a profile file for detection and text formats: UTF-16 by BOM (Windows), else UTF-8. */
final class TextDecoding {
  private TextDecoding() {}

  static String decode(byte[] data) {
    if (data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe) {
      return new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE);
    }
    if (data.length >= 2 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff) {
      return new String(data, 2, data.length - 2, StandardCharsets.UTF_16BE);
    }
    String s = new String(data, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
