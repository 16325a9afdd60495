package dev.fulmar.control.codec;

import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Message;
import dev.fulmar.control.message.Request;
import java.util.Objects;

/**
 * A message with its request id, as one line carries it. Requests have an id; a response repeats
 * its request's id (an {@code error} about an unreadable line has none); events have none.
 *
 * @param id the request id (0 to 2^53-1), or null
 * @param message the message
 */
public record Frame(Long id, Message message) {
  /** Largest id (ids stay exact in JavaScript numbers). */
  public static final long MAX_ID = (1L << 53) - 1;

  public Frame {
    Objects.requireNonNull(message, "message");
    if (id != null && (id < 0 || id > MAX_ID)) {
      throw new IllegalArgumentException("id out of range: " + id);
    }
    if (message instanceof Request && id == null) {
      throw new IllegalArgumentException("a request needs an id");
    }
    if (message instanceof Event && id != null) {
      throw new IllegalArgumentException("an event has no id");
    }
    if (!(message instanceof Request || message instanceof Event || message instanceof ErrorReply)
        && id == null) {
      throw new IllegalArgumentException("a response needs its request's id");
    }
  }

  /** A request or response with {@code id}. */
  public static Frame of(long id, Message message) {
    return new Frame(id, message);
  }

  /** An event, or an error not tied to a request. */
  public static Frame unsolicited(Message message) {
    return new Frame(null, message);
  }
}
