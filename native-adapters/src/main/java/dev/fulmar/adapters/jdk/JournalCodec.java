package dev.fulmar.adapters.jdk;

import dev.fulmar.core.spi.UndoStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's line format: {@code kind TAB arg TAB arg ...}, where {@code %}, tab, CR and LF in
 * an argument are written as {@code %25}, {@code %09}, {@code %0D} and {@code %0A}. Lines starting
 * with {@code #} are comments.
 */
final class JournalCodec {

  private JournalCodec() {}

  static String encode(String header, List<UndoStep> steps) {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (UndoStep s : steps) {
      sb.append(s.kind());
      for (String a : s.args()) {
        sb.append('\t').append(escape(a));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Decodes {@code lines} into {@code steps}; lines that do not parse go to {@code bad}. */
  static void decode(List<String> lines, List<UndoStep> steps, List<String> bad) {
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        String[] parts = line.split("\t", -1);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          args.add(unescape(parts[i]));
        }
        steps.add(new UndoStep(parts[0], args));
      } catch (IllegalArgumentException e) {
        bad.add(line.length() > 200 ? line.substring(0, 200) + "..." : line);
      }
    }
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> sb.append("%25");
        case '\t' -> sb.append("%09");
        case '\r' -> sb.append("%0D");
        case '\n' -> sb.append("%0A");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (i + 2 >= s.length()) {
        throw new IllegalArgumentException("truncated escape");
      }
      String hex = s.substring(i + 1, i + 3);
      switch (hex) {
        case "25" -> sb.append('%');
        case "09" -> sb.append('\t');
        case "0D" -> sb.append('\r');
        case "0A" -> sb.append('\n');
        default -> throw new IllegalArgumentException("unknown escape %" + hex);
      }
      i += 2;
    }
    return sb.toString();
  }
}
