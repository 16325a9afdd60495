package dev.fulmar.app.model;

import dev.fulmar.control.client.ConnectionLostException;
import dev.fulmar.control.client.ControlTimeoutException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.ErrorCode;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failed request into what the user reads. */
final class Notices {
  private Notices() {}

  /**
   * The notice for a failed request, or null when the failure shows elsewhere (a failed connect
   * shows as the tunnel's error state, which the helper reports itself).
   */
  static Notice of(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof RequestFailedException r) {
      String m = r.reply().message();
      return switch (r.code()) {
        case CONNECT_FAILED -> null;
        case BUSY -> Notice.error("request.BUSY");
        case NOT_PERMITTED -> Notice.error("request.NOT_PERMITTED", m);
        case UNKNOWN_PROFILE -> Notice.error("request.UNKNOWN_PROFILE", m);
        case SHUTTING_DOWN -> Notice.error("request.SHUTTING_DOWN");
        case INVALID_PROFILE -> new Notice(Notice.Kind.ERROR, "request.INVALID_PROFILE", List.of(),
            r.reply().problems().isEmpty() ? List.of(m) : r.reply().problems());
        default -> Notice.error("request.other", m);
      };
    }
    if (e instanceof ControlTimeoutException) {
      return Notice.error("request.TIMEOUT");
    }
    if (e instanceof ConnectionLostException) {
      return Notice.error("request.lost");
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Notice.error("request.other", m);
  }

  /** Whether {@code t} is the helper's answer that the connect attempt failed. */
  static boolean isConnectFailed(Throwable t) {
    return unwrap(t) instanceof RequestFailedException r && r.code() == ErrorCode.CONNECT_FAILED;
  }

  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
