package dev.fulmar.control.message;

/**
 * One control-protocol message: a {@link Request} from a client, a {@link Response} from the
 * helper matched to a request by id, or an {@link Event} the helper pushes. On the wire each is
 * one JSON object on one line with a {@code type} discriminator (see {@link MessageTypes}).
 */
public sealed interface Message permits Request, Response, Event {}
