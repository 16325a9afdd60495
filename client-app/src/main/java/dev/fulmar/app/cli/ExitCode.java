package dev.fulmar.app.cli;

/**
 * The exit codes of {@code fulmar}, stable for scripts (listed in {@code fulmar --help} and
 * docs/control-protocol.md).
 */
final class ExitCode {
  static final int OK = 0;
  /** Anything not covered below: an I/O error, an unexpected answer, a helper bug. */
  static final int ERROR = 1;
  /** Wrong arguments or options (picocli's usage error). */
  static final int USAGE = 2;
  /** No helper answers on the control socket. */
  static final int HELPER_NOT_RUNNING = 3;
  /** This user may not use the helper, or not for this request. */
  static final int NOT_PERMITTED = 4;
  /** The connection or diagnosis failed (the output says at which step and why). */
  static final int CONNECTION_FAILED = 5;
  /** The profile or file has errors. */
  static final int INVALID_PROFILE = 6;
  /** No profile with that name. */
  static final int NOT_FOUND = 7;
  /** A password is needed and none could be asked for (non-interactive use). */
  static final int CREDENTIALS_NEEDED = 8;
  /** The helper did not answer in time. */
  static final int TIMEOUT = 9;
  /** Another profile is connected; disconnect it first. */
  static final int BUSY = 10;


  private ExitCode() {}
}
