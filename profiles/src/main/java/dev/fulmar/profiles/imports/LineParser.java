package dev.fulmar.profiles.imports;

import java.util.List;

/** Splits text into lines (LF, CRLF or CR) keeping 1-based line numbers for located problems. */
final class LineParser {
  private LineParser() {}

  static List<String> lines(String text) {
    return List.of(text.split("\r\n|\r|\n", -1));
  }
}
