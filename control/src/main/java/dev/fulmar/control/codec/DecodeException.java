package dev.fulmar.control.codec;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import java.util.List;
import java.util.Objects;

/**
 * A line that is not a valid message: the error code to answer with, the request id when it could
 * be read (so the error reply can carry it), and a message naming what is wrong and where. Never
 * quotes field values (a misplaced secret must not be echoed into a log).
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final Long id;
  private final List<String> problems;

  DecodeException(ErrorCode code, Long id, String message, List<String> problems) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.id = id;
    this.problems = List.copyOf(problems);
  }

  DecodeException(ErrorCode code, Long id, String message) {
    this(code, id, message, List.of());
  }

  public ErrorCode code() {
    return code;
  }

  /** The request id of the line, or null when it could not be read. */
  public Long id() {
    return id;
  }

  /** For {@code INVALID_PROFILE}: the profile's problems, located. */
  public List<String> problems() {
    return problems;
  }

  /** The error reply a helper sends for this line. */
  public ErrorReply toReply() {
    return new ErrorReply(code, getMessage(), null, problems);
  }
}
