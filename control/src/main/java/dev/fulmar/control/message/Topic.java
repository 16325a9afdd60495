package dev.fulmar.control.message;

/** What a client can subscribe to. Prompts need no subscription: they go to the asker. */
public enum Topic {
  /** {@code state} events. */
  STATE,
  /** {@code stats} events, once a second while a tunnel is up. */
  STATS,
  /** {@code log} events. */
  LOG
}
