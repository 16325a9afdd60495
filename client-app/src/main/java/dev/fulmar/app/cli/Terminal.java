package dev.fulmar.app.cli;

import java.io.Console;

/** Asks the person at the terminal; absent when the CLI runs non-interactively. */
interface Terminal {
  /** Shows {@code prompt} and reads a line, or null at end of input. */
  String readLine(String prompt);

  /** Shows {@code prompt} and reads a secret without echo, or null at end of input. */
  char[] readPassword(String prompt);

  /** The system console, or null when stdin or stdout is not a terminal. */
  static Terminal system() {
    Console c = System.console();
    if (c == null) {
      return null;
    }
    return new Terminal() {
      @Override
      public String readLine(String prompt) {
        return c.readLine("%s", prompt);
      }

      @Override
      public char[] readPassword(String prompt) {
        return c.readPassword("%s", prompt);
      }
    };
  }
}
