package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.validate.Location;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A JSON document as a tree whose every node remembers where it started in the text, so that
 * problems found while mapping it to a profile can name a line and column.
 */
sealed interface JsonTree {

  Location location();

  /** The JSON type in plain words, for messages ("a string", "an object"). */
  String kind();

  record Obj(LinkedHashMap<String, Member> members, Location location) implements JsonTree {
    @Override
    public String kind() {
      return "an object";
    }
  }

  record Member(String name, Location nameLocation, JsonTree value) {}

  record Arr(List<JsonTree> items, Location location) implements JsonTree {
    @Override
    public String kind() {
      return "a list";
    }
  }

  record Str(String value, Location location) implements JsonTree {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A number as written; {@code integral} when it has no fraction or exponent. */
  record Num(String text, boolean integral, Location location) implements JsonTree {
    @Override
    public String kind() {
      return "a number";
    }
  }

  record Bool(boolean value, Location location) implements JsonTree {
    @Override
    public String kind() {
      return value ? "true" : "false";
    }
  }

  record Null(Location location) implements JsonTree {
    @Override
    public String kind() {
      return "null";
    }
  }
}
