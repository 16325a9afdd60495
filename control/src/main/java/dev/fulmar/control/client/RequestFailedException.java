package dev.fulmar.control.client;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;

/** The helper answered a request with an error; {@link #reply()} has the code and details. */
public final class RequestFailedException extends ControlException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorReply reply;

  public RequestFailedException(ErrorReply reply) {
    super(reply.message());
    this.reply = reply;
  }

  public ErrorReply reply() {
    return reply;
  }

  public ErrorCode code() {
    return reply.code();
  }
}
