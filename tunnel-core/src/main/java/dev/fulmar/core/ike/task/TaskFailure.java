package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.ike.message.NotifyPayload;
import java.util.Optional;

/**
 * A task cannot go on: carries the {@link IkeFailure} for the user and, when the gateway should be
 * told, the error Notify to send (STYLE #4). Read as {@code throw TaskFailure.of(step, code, ...)}.
 */
public final class TaskFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient IkeFailure failure;
  private final transient NotifyPayload notify;

  public TaskFailure(IkeFailure failure, NotifyPayload notify, Throwable cause) {
    super(failure.toString(), cause);
    this.failure = failure;
    this.notify = notify;
  }

  /** A failure with details given as name/value pairs, nothing to tell the gateway. */
  public static TaskFailure of(FailureStep step, ErrorCode code, String... namesAndValues) {
    return new TaskFailure(IkeFailure.of(step, code, namesAndValues), null, null);
  }

  /** The same failure, telling the gateway with {@code notify}. */
  public TaskFailure notifying(NotifyPayload n) {
    return new TaskFailure(failure, n, getCause());
  }

  /** The same failure, with its cause for the log. */
  public TaskFailure causedBy(Throwable cause) {
    return new TaskFailure(failure, notify, cause);
  }

  public IkeFailure failure() {
    return failure;
  }

  /** The error notify to send the gateway, if any. */
  public Optional<NotifyPayload> notifyToSend() {
    return Optional.ofNullable(notify);
  }
}
