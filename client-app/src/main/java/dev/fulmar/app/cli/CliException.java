package dev.fulmar.app.cli;

/** Ends a command with a message for the user and an {@link ExitCode}. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String code;

  CliException(int exitCode, String code, String message) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }

  int exitCode() {
    return exitCode;
  }

  /** A stable name for {@code --json} output, e.g. {@code HELPER_NOT_RUNNING}. */
  String code() {
    return code;
  }
}
