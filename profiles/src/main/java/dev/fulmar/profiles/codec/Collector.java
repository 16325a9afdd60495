package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.UnknownField;
import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What reading a document produced besides the model: problems, locations, unknown members. */
final class Collector {
  final List<Problem> problems = new ArrayList<>();
  final Map<String, Location> locations = new HashMap<>();
  final List<UnknownField> unknown = new ArrayList<>();

  void error(String path, Location at, String message) {
    problems.add(new Problem(Severity.ERROR, path, at, message));
  }

  void warning(String path, Location at, String message) {
    problems.add(new Problem(Severity.WARNING, path, at, message));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The location of {@code path}, or of its nearest enclosing value that was read. */
  Location locate(String path) {
    String p = path;
    while (true) {
      Location l = locations.get(p);
      if (l != null || p.isEmpty()) {
        return l == null ? locations.get("") : l;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }
}
