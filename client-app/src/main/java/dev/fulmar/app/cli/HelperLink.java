package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.ControlTimeoutException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.control.client.HelperNotRunningException;
import dev.fulmar.control.client.NotPermittedException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import java.time.Duration;

/** Opens the control connection and turns every way it can fail into an exit code. */
final class HelperLink {
  static final String CLIENT = "fulmar-cli";
  static final String VERSION = "0.1.0";

  private HelperLink() {}

  static ControlClient open(CliEnvironment env, EventListener listener) throws CliException {
    try {
      return ControlClient.connect(env.socket(), CLIENT, VERSION, listener,
          ControlClient.DEFAULT_TIMEOUT);
    } catch (ControlException e) {
      throw map(e);
    }
  }

  /** The exit code and message for a failed exchange with the helper. */
  static CliException map(ControlException e) {
    if (e instanceof HelperNotRunningException) {
      return new CliException(ExitCode.HELPER_NOT_RUNNING, "HELPER_NOT_RUNNING", e.getMessage());
    }
    if (e instanceof NotPermittedException) {
      return new CliException(ExitCode.NOT_PERMITTED, "NOT_PERMITTED", e.getMessage());
    }
    if (e instanceof ControlTimeoutException) {
      return new CliException(ExitCode.TIMEOUT, "TIMEOUT", e.getMessage());
    }
    if (e instanceof RequestFailedException r) {
      return map(r.reply());
    }
    return new CliException(ExitCode.ERROR, "ERROR", e.getMessage());
  }

  static CliException map(ErrorReply r) {
    int code = switch (r.code()) {
      case NOT_PERMITTED -> ExitCode.NOT_PERMITTED;
      case CONNECT_FAILED -> ExitCode.CONNECTION_FAILED;
      case INVALID_PROFILE -> ExitCode.INVALID_PROFILE;
      case UNKNOWN_PROFILE -> ExitCode.NOT_FOUND;
      case BUSY -> ExitCode.BUSY;
      case TIMEOUT -> ExitCode.TIMEOUT;
      default -> ExitCode.ERROR;
    };
    StringBuilder m = new StringBuilder(r.failure() != null ? Human.failure(r.failure())
        : r.message());
    r.problems().forEach(p -> m.append("\n  ").append(p));
    return new CliException(code, r.code().name(), m.toString());
  }

  /** Whether a connect failure was a cancelled prompt (no secret could be asked for). */
  static boolean cancelled(RequestFailedException e) {
    return e.code() == ErrorCode.CONNECT_FAILED && e.reply().failure() != null
        && "CANCELLED".equals(e.reply().failure().code());
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
