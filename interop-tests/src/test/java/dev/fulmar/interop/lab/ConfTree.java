package dev.fulmar.interop.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An ordered tree of settings in the syntax that strongswan.conf and swanctl.conf share: one
 * {@code key = value} per line, {@code name { ... }} for sections. Values that are not plain words
 * are written in double quotes with {@code \"} and {@code \\} escaped.
 */
final class ConfTree {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:/@%*+=!\\[\\]-]+");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.*-]+");

  private final Map<String, Object> entries = new LinkedHashMap<>();

  /** Sets {@code key} (a dotted path creates sections on the way) to {@code value}. */
  ConfTree set(String key, String value) {
    int dot = key.indexOf('.');
    if (dot > 0) {
      section(key.substring(0, dot)).set(key.substring(dot + 1), value);
      return this;
    }
    checkKey(key);
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("setting " + key + " must be one line");
    }
    entries.put(key, value);
    return this;
  }

  /** The sub-section {@code name}, created if absent (a dotted path walks down). */
  ConfTree section(String name) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      return section(name.substring(0, dot)).section(name.substring(dot + 1));
    }
    checkKey(name);
    Object existing = entries.get(name);
    if (existing instanceof ConfTree t) {
      return t;
    }
    if (existing != null) {
      throw new IllegalArgumentException(name + " is a setting, not a section");
    }
    ConfTree t = new ConfTree();
    entries.put(name, t);
    return t;
  }

  /** Adds {@code subtree} as section {@code name}, replacing one of that name. */
  ConfTree put(String name, ConfTree subtree) {
    checkKey(name);
    entries.put(name, subtree);
    return this;
  }

  /** The value of a setting of this section (no dotted paths), or null. */
  String get(String key) {
    Object v = entries.get(key);
    return v instanceof String s ? s : null;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  String render() {
    StringBuilder b = new StringBuilder();
    render(b, 0);
    return b.toString();
  }

  private void render(StringBuilder b, int depth) {
    String indent = "  ".repeat(depth);
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (e.getValue() instanceof ConfTree t) {
        b.append(indent).append(e.getKey()).append(" {\n");
        t.render(b, depth + 1);
        b.append(indent).append("}\n");
      } else {
        b.append(indent).append(e.getKey()).append(" = ").append(quote((String) e.getValue()))
            .append('\n');
      }
    }
  }

  static String quote(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static void checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a valid setting name: '" + key + "'");
    }
  }
}
