package dev.fulmar.control.client;

import dev.fulmar.control.message.Event;

/**
 * Receives what the helper pushes. Called on the client's own event thread, one event at a time,
 * in order; it may call the client (e.g. answer a prompt) but should return soon.
 */
public interface EventListener {
  /** An event arrived. */
  void onEvent(Event event);

  /** The connection closed; {@code cause} says why (null after {@link ControlClient#close()}). */
  default void onClosed(ControlException cause) {}
}
