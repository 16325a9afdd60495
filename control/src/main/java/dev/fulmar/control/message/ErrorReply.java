package dev.fulmar.control.message;

import java.util.List;
import java.util.Objects;

/**
 * A refused or failed request. Its id is the request's, or absent when the helper could not read
 * one (a malformed line).
 *
 * @param code what kind of error
 * @param message a sentence for the user saying what is wrong and what to do
 * @param failure for {@code CONNECT_FAILED}: the failed step and reason
 * @param problems for {@code INVALID_PROFILE}: each problem, located
 */
public record ErrorReply(ErrorCode code, String message, Failure failure, List<String> problems)
    implements Response {
  public ErrorReply {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** An error with only a code and message. */
  public static ErrorReply of(ErrorCode code, String message) {
    return new ErrorReply(code, message, null, List.of());
  }
}
