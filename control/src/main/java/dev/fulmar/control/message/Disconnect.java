package dev.fulmar.control.message;

/**
 * Takes the tunnel down (or cancels a connect in progress). Answered with {@link Ok} once the
 * state is {@code DISCONNECTED}; also {@link Ok} when nothing was up.
 */
public record Disconnect() implements Request {}
