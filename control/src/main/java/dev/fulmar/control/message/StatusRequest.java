package dev.fulmar.control.message;

/** Asks for the tunnel's state and counters; answered with {@link StatusReport}. */
public record StatusRequest() implements Request {}
