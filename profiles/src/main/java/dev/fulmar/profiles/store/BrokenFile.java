package dev.fulmar.profiles.store;

import dev.fulmar.profiles.validate.Problem;
import java.nio.file.Path;
import java.util.List;

/** A file in a profile directory that could not be loaded, with the reasons. */
public record BrokenFile(Path file, List<Problem> problems) {
  public BrokenFile {
    problems = List.copyOf(problems);
  }
}
