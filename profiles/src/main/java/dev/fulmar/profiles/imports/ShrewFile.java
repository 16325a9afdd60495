package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.Severity;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Shrew Soft site-file syntax ({@code <type>:<name>:<value>} lines, as {@code file_load_vpn}
 * reads them): {@code s} strings (a repeated key appends with ','), {@code n} numbers, {@code b}
 * base64 binaries. Shrew stops at an empty line; this reader warns and goes on.
 */
final class ShrewFile {
  final Map<String, String> strings = new LinkedHashMap<>();
  final Map<String, Long> numbers = new LinkedHashMap<>();
  final Map<String, byte[]> binaries = new LinkedHashMap<>();
  final Map<String, Integer> lineOf = new LinkedHashMap<>();

  /** Parses the text; problems (errors stop the import) are added to {@code problems}. */
  static ShrewFile parse(String text, List<Problem> problems) {
    ShrewFile f = new ShrewFile();
    List<String> lines = LineParser.lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      Location at = new Location(i + 1, 1);
      if (line.isEmpty()) {
        if (i < lines.size() - 1
            && lines.subList(i + 1, lines.size()).stream().anyMatch(l -> !l.isBlank())) {
          problems.add(
              new Problem(
                  Severity.WARNING,
                  "",
                  at,
                  "empty line: Shrew Soft stops reading here; "
                      + "Fulmar read on, check the settings below it"));
        }
        continue;
      }
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (first != 1 || second < 0) {
        problems.add(
            new Problem(
                Severity.ERROR,
                "",
                at,
                "expected type:name:value (e.g. s:network-host:vpn.example.net)"));
        return f;
      }
      f.add(line.charAt(0), line.substring(2, second), line.substring(second + 1), at, problems);
    }
    return f;
  }

  private void add(char type, String name, String value, Location at, List<Problem> problems) {
    lineOf.putIfAbsent(name, at.line());
    switch (type) {
      case 's' -> strings.merge(name, value, (a, b) -> a + "," + b);
      case 'n' -> numbers.put(name, atol(value));
      case 'b' -> {
        try {
          binaries.put(name, Base64.getMimeDecoder().decode(value.strip()));
        } catch (IllegalArgumentException e) {
          problems.add(
              new Problem(
                  Severity.ERROR,
                  name,
                  new Location(at.line(), name.length() + 4),
                  "is not valid base64"));
        }
      }
      default ->
          problems.add(
              new Problem(
                  Severity.WARNING,
                  name,
                  at,
                  "unknown type '" + type + "': ignored, as Shrew Soft does"));
    }
  }

  /** C's atol: optional sign, leading digits, anything after ignored, 0 when there are none. */
  static long atol(String s) {
    String t = s.strip();
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    long v = 0;
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9' && v < 1_000_000_000_000L) {
      v = v * 10 + (t.charAt(i) - '0');
      i++;
    }
    return negative ? -v : v;
  }

  String s(String key) {
    return strings.get(key);
  }

  long n(String key, long fallback) {
    return numbers.getOrDefault(key, fallback);
  }

  boolean has(String key) {
    return strings.containsKey(key) || numbers.containsKey(key) || binaries.containsKey(key);
  }

  /** Every key in the file. */
  java.util.Set<String> keys() {
    return lineOf.keySet();
  }
}
