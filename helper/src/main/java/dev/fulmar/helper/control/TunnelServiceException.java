package dev.fulmar.helper.control;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Failure;
import java.util.List;
import java.util.Objects;

/**
 * A refused or failed tunnel or configuration operation, with the protocol error code the client
 * gets and, for a failed connect, the {@link Failure} (step, reason, fix).
 */
public final class TunnelServiceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final transient Failure failure;
  private final List<String> problems;

  public TunnelServiceException(ErrorCode code, String message) {
    this(code, message, null, List.of());
  }

  public TunnelServiceException(ErrorCode code, String message, Failure failure,
      List<String> problems) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.failure = failure;
    this.problems = List.copyOf(problems);
  }

  /** A failed connect: {@code CONNECT_FAILED} with the failure's reason as the message. */
  public static TunnelServiceException connectFailed(Failure failure) {
    return new TunnelServiceException(ErrorCode.CONNECT_FAILED,
        "connecting failed at " + failure.step() + ": " + failure.message(), failure, List.of());
  }

  public ErrorCode code() {
    return code;
  }

  public Failure failure() {
    return failure;
  }

  /** The error reply for the client. */
  public ErrorReply toReply() {
    return new ErrorReply(code, getMessage(), failure, problems);
  }
}
