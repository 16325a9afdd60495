package dev.fulmar.profiles.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a {@link JsonTree} back as compact JSON text (for unknown members kept verbatim). */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  static String compact(JsonTree tree) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      write(g, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, JsonTree t) throws IOException {
    if (t instanceof JsonTree.Obj o) {
      g.writeStartObject();
      for (Map.Entry<String, JsonTree.Member> e : o.members().entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue().value());
      }
      g.writeEndObject();
    } else if (t instanceof JsonTree.Arr a) {
      g.writeStartArray();
      for (JsonTree item : a.items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (t instanceof JsonTree.Str s) {
      g.writeString(s.value());
    } else if (t instanceof JsonTree.Num n) {
      g.writeNumber(n.text());
    } else if (t instanceof JsonTree.Bool b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }
}
