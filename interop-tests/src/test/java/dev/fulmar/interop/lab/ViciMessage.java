package dev.fulmar.interop.lab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message of strongSwan's VICI protocol: a tree of sections, key/values and lists of values.
 *
 * <pre>
 *   element = SECTION_START(1) name | SECTION_END(2) | KEY_VALUE(3) name value
 *           | LIST_START(4) name | LIST_ITEM(5) value | LIST_END(6)
 *   name    = 8-bit length, ASCII bytes        value = 16-bit big-endian length, bytes
 * </pre>
 *
 * Values are text (strongSwan sends numbers as strings). {@link #decode} turns any bytes into a
 * message or a {@link ViciFormatException}.
 */
public final class ViciMessage {
  static final int SECTION_START = 1;
  static final int SECTION_END = 2;
  static final int KEY_VALUE = 3;
  static final int LIST_START = 4;
  static final int LIST_ITEM = 5;
  static final int LIST_END = 6;
  /** Deeper nesting than this is refused (strongSwan nests about five levels). */
  static final int MAX_DEPTH = 64;

  private final Map<String, Object> entries;

  private ViciMessage(Map<String, Object> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static final ViciMessage EMPTY = new ViciMessage(new LinkedHashMap<>());

  /** Starts a message to send: {@code ViciMessage.builder().put("child", "lan").build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code key}, or null if absent or not a value. */
  public String get(String key) {
    return entries.get(key) instanceof String s ? s : null;
  }

  /** The list {@code key}, or an empty list. */
  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    return entries.get(key) instanceof List<?> l ? (List<String>) l : List.of();
  }

  /** The sub-section {@code key}, or null. */
  public ViciMessage section(String key) {
    return entries.get(key) instanceof ViciMessage m ? m : null;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  /** Values are String, List&lt;String&gt; or ViciMessage. */
  public Map<String, Object> entries() {
    return entries;
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encode(out);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private void encode(ByteArrayOutputStream out) {
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      Object v = e.getValue();
      if (v instanceof ViciMessage m) {
        out.write(SECTION_START);
        name(out, e.getKey());
        m.encode(out);
        out.write(SECTION_END);
      } else if (v instanceof List<?> l) {
        out.write(LIST_START);
        name(out, e.getKey());
        for (String item : (List<String>) l) {
          out.write(LIST_ITEM);
          value(out, item);
        }
        out.write(LIST_END);
      } else {
        out.write(KEY_VALUE);
        name(out, e.getKey());
        value(out, (String) v);
      }
    }
  }

  private static void name(ByteArrayOutputStream out, String name) {
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    if (b.length > 255) {
      throw new IllegalArgumentException("vici name longer than 255 bytes: " + name);
    }
    out.write(b.length);
    out.writeBytes(b);
  }

  private static void value(ByteArrayOutputStream out, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xffff) {
      throw new IllegalArgumentException("vici value longer than 65535 bytes");
    }
    out.write(b.length >> 8);
    out.write(b.length & 0xff);
    out.writeBytes(b);
  }

  /** Decodes a whole message; trailing or truncated elements are errors. */
  public static ViciMessage decode(byte[] data, int offset, int length) throws ViciFormatException {
    ViciReader r = new ViciReader(data, offset, length);
    Deque<Map<String, Object>> stack = new ArrayDeque<>();
    Map<String, Object> current = new LinkedHashMap<>();
    Deque<String> names = new ArrayDeque<>();
    while (r.remaining() > 0) {
      int type = r.u8("element type");
      switch (type) {
        case SECTION_START -> {
          if (stack.size() >= MAX_DEPTH) {
            throw r.error("sections nested deeper than " + MAX_DEPTH);
          }
          String name = r.name();
          if (current.containsKey(name)) {
            throw r.error("duplicate key '" + name + "'");
          }
          stack.push(current);
          names.push(name);
          current = new LinkedHashMap<>();
        }
        case SECTION_END -> {
          if (stack.isEmpty()) {
            throw r.error("SECTION_END without a section");
          }
          ViciMessage done = new ViciMessage(current);
          current = stack.pop();
          current.put(names.pop(), done);
        }
        case KEY_VALUE -> {
          String name = r.name();
          if (current.containsKey(name)) {
            throw r.error("duplicate key '" + name + "'");
          }
          current.put(name, r.value());
        }
        case LIST_START -> {
          String name = r.name();
          if (current.containsKey(name)) {
            throw r.error("duplicate key '" + name + "'");
          }
          current.put(name, Collections.unmodifiableList(readList(r)));
        }
        default -> throw r.error("unexpected element type " + type);
      }
    }
    if (!stack.isEmpty()) {
      throw r.error("section '" + names.peek() + "' not closed");
    }
    return new ViciMessage(current);
  }

  public static ViciMessage decode(byte[] data) throws ViciFormatException {
    return decode(data, 0, data.length);
  }

  private static List<String> readList(ViciReader r) throws ViciFormatException {
    List<String> items = new ArrayList<>();
    while (true) {
      int type = r.u8("list element type");
      if (type == LIST_END) {
        return items;
      }
      if (type != LIST_ITEM) {
        throw r.error("element type " + type + " inside a list");
      }
      items.add(r.value());
    }
  }

  /** The same notation as {@code swanctl --raw}: {@code {key=value list=[a b] sec {...}}}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    entries.forEach((k, v) -> {
      if (b.length() > 1) {
        b.append(' ');
      }
      if (v instanceof ViciMessage m) {
        b.append(k).append(' ').append(m);
      } else if (v instanceof List<?> l) {
        b.append(k).append("=[");
        b.append(String.join(" ", l.stream().map(Object::toString).toList())).append(']');
      } else {
        b.append(k).append('=').append(v);
      }
    });
    return b.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ViciMessage m && m.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** Builds a message to send. */
  public static final class Builder {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    public Builder put(String key, String value) {
      entries.put(key, value);
      return this;
    }

    public Builder putList(String key, List<String> values) {
      entries.put(key, List.copyOf(values));
      return this;
    }

    public Builder putSection(String key, ViciMessage section) {
      entries.put(key, section);
      return this;
    }

    public ViciMessage build() {
      return new ViciMessage(new LinkedHashMap<>(entries));
    }
  }
}
