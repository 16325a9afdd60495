package dev.fulmar.profiles.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.fulmar.profiles.validate.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads JSON text into a {@link JsonTree} with Jackson's streaming parser, keeping each node's
 * {@link JsonLocation}. Duplicate member names and excessive nesting are errors, located.
 */
final class JsonTreeParser {
  static final int MAX_DEPTH = 32;
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH + 1)
                  .maxStringLength(8 * 1024 * 1024)
                  .maxNumberLength(100)
                  .build())
          .build();

  /** A syntax error with its position. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    SyntaxException(String message, Location location) {
      super(message);
      this.location = location;
    }

    Location location() {
      return location;
    }
  }

  private JsonTreeParser() {}

  static JsonTree parse(String text) throws SyntaxException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new SyntaxException("the file is empty", new Location(1, 1));
      }
      JsonTree root = read(p, 0);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        throw new SyntaxException(
            "unexpected text after the end of the profile", at(p.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new SyntaxException(
          plain(e), e.getLocation() == null ? new Location(1, 1) : at(e.getLocation()));
    } catch (IOException e) {
      throw new SyntaxException("could not read the JSON text", new Location(1, 1));
    }
  }

  private static JsonTree read(JsonParser p, int depth) throws IOException, SyntaxException {
    Location loc = at(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    if (depth > MAX_DEPTH) {
      throw new SyntaxException("the JSON is nested more than " + MAX_DEPTH + " levels deep", loc);
    }
    switch (t) {
      case START_OBJECT:
        return readObject(p, depth, loc);
      case START_ARRAY:
        List<JsonTree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, depth + 1));
        }
        return new JsonTree.Arr(items, loc);
      case VALUE_STRING:
        return new JsonTree.Str(p.getText(), loc);
      case VALUE_NUMBER_INT:
        return new JsonTree.Num(p.getText(), true, loc);
      case VALUE_NUMBER_FLOAT:
        return new JsonTree.Num(p.getText(), false, loc);
      case VALUE_TRUE:
        return new JsonTree.Bool(true, loc);
      case VALUE_FALSE:
        return new JsonTree.Bool(false, loc);
      case VALUE_NULL:
        return new JsonTree.Null(loc);
      default:
        throw new SyntaxException("unexpected " + t, loc);
    }
  }

  private static JsonTree readObject(JsonParser p, int depth, Location loc)
      throws IOException, SyntaxException {
    LinkedHashMap<String, JsonTree.Member> members = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Location nameLoc = at(p.currentTokenLocation());
      p.nextToken();
      JsonTree value = read(p, depth + 1);
      if (members.containsKey(name)) {
        throw new SyntaxException("'" + name + "' appears twice in the same object", nameLoc);
      }
      members.put(name, new JsonTree.Member(name, nameLoc, value));
    }
    return new JsonTree.Obj(members, loc);
  }

  static Location at(JsonLocation l) {
    return new Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  /** Jackson's message without its source excerpt and location suffix. */
  private static String plain(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "the file is not valid JSON";
    }
    int nl = m.indexOf('\n');
    m = nl >= 0 ? m.substring(0, nl) : m;
    return "not valid JSON: " + m.replaceAll("\\s+", " ").strip();
  }
}
