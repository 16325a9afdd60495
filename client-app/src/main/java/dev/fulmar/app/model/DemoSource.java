package dev.fulmar.app.model;

import java.nio.file.Path;

/**
 * Where the first-run demo's profile comes from. The demo gateway itself is brought up outside
 * the app (it needs root: a strongSwan gateway in a network namespace); the app only imports the
 * matching profile so that the newcomer can press Connect.
 */
@FunctionalInterface
public interface DemoSource {
  /** The demo profile file, ready to import. */
  Path profileFile() throws java.io.IOException;

  /** A demo profile written by the script that started the demo gateway. */
  static DemoSource file(Path file) {
    return () -> {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new java.io.IOException("the demo profile " + file
            + " does not exist (is the demo gateway running?)");
      }
      return file;
    };
  }
}
