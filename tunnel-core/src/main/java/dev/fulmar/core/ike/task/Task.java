package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.Payload;
import java.util.List;

/**
 * One concern of an exchange (STYLE #2, strongSwan's {@code task_t}): NAT detection, the key
 * exchange, authentication, configuration, the CHILD SA, a delete. The session only sequences
 * tasks; several tasks add payloads to the same message.
 *
 * <p>As initiator, the session asks the first queued task which {@link #exchange()} comes next,
 * calls {@link #build} on every queued task that takes part in that exchange (in queue order), sends
 * the request, and calls {@link #process} on the same tasks with the response. As responder (the
 * gateway's requests), {@link #process} runs on the request first and {@link #build} then fills
 * the response.
 *
 * <p>{@link Status#DONE} removes the task from the queue, {@link Status#NEED_MORE} keeps it for the
 * next exchange, {@link Status#FAILED} ends the session with the failure the task recorded in its
 * {@link TaskContext} (or threw as a {@link TaskFailure}).
 */
public interface Task {
  /** What a task says after building or processing. */
  enum Status {
    DONE,
    NEED_MORE,
    FAILED
  }

  /** The exchange this task takes part in next, or null if it takes part in none any more. */
  ExchangeType exchange();

  /** Adds this task's payloads to an outgoing message. */
  Status build(List<Payload> out) throws TaskFailure;

  /** Reads this task's payloads from an incoming message. */
  Status process(IkeMessage in) throws TaskFailure;

  /**
   * The same work for the IKE SA of {@code next}, when the task's IKE SA was replaced (rekey)
   * before the task started; null when the task does not move (it is dropped).
   */
  default Task movedTo(TaskContext next) {
    return null;
  }
}
