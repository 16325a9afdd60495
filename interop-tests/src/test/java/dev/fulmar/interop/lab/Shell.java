package dev.fulmar.interop.lab;

/** Quoting for the small /bin/sh scripts the lab runs. */
final class Shell {
  private Shell() {}

  /** {@code s} as one single-quoted shell word. */
  static String quote(Object s) {
    return "'" + s.toString().replace("'", "'\\''") + "'";
  }
}
