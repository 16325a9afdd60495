package dev.fulmar.profiles.imports;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines (LF, CRLF or CR) keeping 1-based line numbers for located problems. */
final class LineParser {
  private LineParser() {}

  /**
   * The lines of {@code text} without their terminators; a trailing terminator gives a last
   * empty line (as {@code split(regex, -1)} does). One pass, no regular expression: importers
   * call this for every file, and the fuzz tests for every one of their inputs.
   */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return List.copyOf(out);
  }
}
