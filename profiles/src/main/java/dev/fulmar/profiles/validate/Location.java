package dev.fulmar.profiles.validate;

/** A position in a text file: 1-based line and column. */
public record Location(int line, int column) {
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
