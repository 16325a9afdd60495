package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.validate.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * strongSwan's settings syntax as swanctl.conf uses it: {@code name { ... }} sections and {@code
 * key = value} pairs, values optionally in double quotes, {@code #} comments. {@code include}
 * directives are refused (the importer sees one file). Every error is located.
 */
final class SwanctlParser {
  private static final int MAX_DEPTH = 16;

  /** A section with its values and subsections in file order. */
  static final class Section {
    final String name;
    final Location location;
    final Map<String, Value> values = new LinkedHashMap<>();
    final Map<String, Section> sections = new LinkedHashMap<>();

    Section(String name, Location location) {
      this.name = name;
      this.location = location;
    }

    String value(String key) {
      Value v = values.get(key);
      return v == null ? null : v.text();
    }

    Section section(String key) {
      return sections.get(key);
    }
  }

  record Value(String text, Location location) {}

  /** A syntax error and where. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    SyntaxError(String message, Location location) {
      super(message);
      this.location = location;
    }

    Location location() {
      return location;
    }
  }

  private final String s;
  private int pos;
  private int line = 1;
  private int lineStart;

  private SwanctlParser(String s) {
    this.s = s;
  }

  static Section parse(String text) throws SyntaxError {
    SwanctlParser p = new SwanctlParser(text);
    Section root = new Section("", new Location(1, 1));
    p.body(root, 0);
    return root;
  }

  private Location here() {
    return new Location(line, pos - lineStart + 1);
  }

  private void body(Section into, int depth) throws SyntaxError {
    while (true) {
      skipBlank();
      if (pos >= s.length()) {
        if (depth > 0) {
          throw new SyntaxError(
              "section '"
                  + into.name
                  + "' (line "
                  + into.location.line()
                  + ") is not closed with '}'",
              here());
        }
        return;
      }
      if (s.charAt(pos) == '}') {
        if (depth == 0) {
          throw new SyntaxError("'}' without an open section", here());
        }
        pos++;
        return;
      }
      entry(into, depth);
    }
  }

  private void entry(Section into, int depth) throws SyntaxError {
    Location at = here();
    String name = name();
    if (name.isEmpty()) {
      throw new SyntaxError("expected a name, '}' or a comment, not '" + s.charAt(pos) + "'", at);
    }
    skipSpaces();
    char c = pos < s.length() ? s.charAt(pos) : '\n';
    if (c == '{') {
      if (depth >= MAX_DEPTH) {
        throw new SyntaxError("sections are nested too deeply", at);
      }
      pos++;
      Section child = new Section(name, at);
      body(child, depth + 1);
      into.sections.merge(
          name,
          child,
          (a, b) -> {
            b.values.forEach(a.values::putIfAbsent);
            b.sections.forEach(a.sections::putIfAbsent);
            return a;
          });
    } else if (c == '=') {
      pos++;
      skipSpaces();
      Location vat = here();
      into.values.put(name, new Value(value(), vat));
    } else if (name.equals("include")) {
      throw new SyntaxError(
          "'include' directives are not followed: import the file that holds the connection, "
              + "or paste the included file in",
          at);
    } else if (c == ':') {
      throw new SyntaxError("section references ('name : other') are not supported", at);
    } else {
      throw new SyntaxError("expected '=' or '{' after '" + name + "'", here());
    }
  }

  private String name() {
    int start = pos;
    while (pos < s.length()
        && !Character.isWhitespace(s.charAt(pos))
        && "={}#\":".indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private String value() throws SyntaxError {
    if (pos < s.length() && s.charAt(pos) == '"') {
      Location at = here();
      pos++;
      StringBuilder b = new StringBuilder();
      while (pos < s.length() && s.charAt(pos) != '"') {
        char c = s.charAt(pos++);
        if (c == '\\' && pos < s.length()) {
          c = s.charAt(pos++);
          b.append(c == 'n' ? '\n' : c == 't' ? '\t' : c);
        } else {
          if (c == '\n') {
            newline();
          }
          b.append(c);
        }
      }
      if (pos >= s.length()) {
        throw new SyntaxError("a quoted value is not closed with '\"'", at);
      }
      pos++;
      return b.toString();
    }
    int start = pos;
    while (pos < s.length() && "\n#}".indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    return s.substring(start, pos).strip();
  }

  private void skipSpaces() {
    while (pos < s.length()
        && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\r')) {
      pos++;
    }
  }

  private void skipBlank() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\n') {
        pos++;
        newline();
      } else if (Character.isWhitespace(c) || c == ';') {
        pos++;
      } else if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void newline() {
    line++;
    lineStart = pos;
  }
}
