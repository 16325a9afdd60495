package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.UnknownField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed, located access to the members of one JSON object. Every read records the value's location;
 * type mismatches become located errors; members never read are reported as unknown (a warning) and
 * kept by {@link #finish()}.
 */
final class ObjReader {
  final JsonTree.Obj obj;
  final String path;
  final Collector out;
  private final Set<String> seen = new HashSet<>();

  ObjReader(JsonTree.Obj obj, String path, Collector out) {
    this.obj = obj;
    this.path = path;
    this.out = out;
    out.locations.put(path, obj.location());
  }

  String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    return obj.members().containsKey(name);
  }

  /** True when the member is missing or explicitly {@code null}: both count as "not given". */
  boolean isAbsent(String name) {
    JsonTree.Member m = obj.members().get(name);
    return m == null || m.value() instanceof JsonTree.Null;
  }

  /** The member's value (marking it read), or null when absent. */
  JsonTree get(String name) {
    seen.add(name);
    JsonTree.Member m = obj.members().get(name);
    if (m == null) {
      return null;
    }
    out.locations.put(child(name), m.value().location());
    return m.value();
  }

  void missing(String name, String what) {
    out.error(child(name), obj.location(), "is missing: " + what);
  }

  void wrongType(String name, JsonTree v, String expected) {
    out.error(child(name), v.location(), "must be " + expected + ", not " + v.kind());
  }

  String string(String name) {
    JsonTree v = get(name);
    if (v == null || v instanceof JsonTree.Null) {
      return null;
    }
    if (v instanceof JsonTree.Str s) {
      return s.value();
    }
    wrongType(name, v, "a string");
    return null;
  }

  Boolean bool(String name) {
    JsonTree v = get(name);
    if (v == null || v instanceof JsonTree.Null) {
      return null;
    }
    if (v instanceof JsonTree.Bool b) {
      return b.value();
    }
    wrongType(name, v, "true or false");
    return null;
  }

  /** An integer in [min, max], or null (absent, or a located error). */
  Long integer(String name, long min, long max) {
    JsonTree v = get(name);
    if (v == null || v instanceof JsonTree.Null) {
      return null;
    }
    if (!(v instanceof JsonTree.Num n) || !n.integral()) {
      wrongType(name, v, "a whole number");
      return null;
    }
    long value;
    try {
      value = Long.parseLong(n.text());
    } catch (NumberFormatException e) {
      value = n.text().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      out.error(
          child(name), v.location(), n.text() + " is out of range (" + min + " to " + max + ")");
      return null;
    }
    return value;
  }

  ObjReader object(String name) {
    JsonTree v = get(name);
    if (v == null || v instanceof JsonTree.Null) {
      return null;
    }
    if (v instanceof JsonTree.Obj o) {
      return new ObjReader(o, child(name), out);
    }
    wrongType(name, v, "an object");
    return null;
  }

  List<JsonTree> array(String name) {
    JsonTree v = get(name);
    if (v == null || v instanceof JsonTree.Null) {
      return null;
    }
    if (v instanceof JsonTree.Arr a) {
      for (int i = 0; i < a.items().size(); i++) {
        out.locations.put(child(name) + "[" + i + "]", a.items().get(i).location());
      }
      return a.items();
    }
    wrongType(name, v, "a list");
    return null;
  }

  /** A list of strings; non-string items are located errors and skipped. */
  List<String> strings(String name) {
    List<JsonTree> items = array(name);
    List<String> result = new ArrayList<>();
    if (items == null) {
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof JsonTree.Str s) {
        result.add(s.value());
      } else {
        out.error(
            child(name) + "[" + i + "]",
            items.get(i).location(),
            "must be a string, not " + items.get(i).kind());
      }
    }
    return result;
  }

  /** Reports members never read as unknown (a warning) and keeps them for writing back. */
  void finish() {
    for (JsonTree.Member m : obj.members().values()) {
      if (!seen.contains(m.name())) {
        out.warning(
            child(m.name()),
            m.nameLocation(),
            "unknown field (kept as is; this version of Fulmar ignores it)");
        out.unknown.add(new UnknownField(path, m.name(), JsonText.compact(m.value())));
      }
    }
  }
}
