package dev.fulmar.control.message;

/**
 * Why the helper refused or could not carry out a request. Stable names: clients branch on them
 * (the CLI maps them to exit codes) and the app localizes them.
 */
public enum ErrorCode {
  /** The line is not a JSON object. */
  MALFORMED,
  /** The {@code type} names no message this protocol version knows. */
  UNKNOWN_TYPE,
  /** The message's fields are missing or wrong; the text says which. */
  INVALID_REQUEST,
  /** The line is longer than the limit; the connection is closed. */
  LINE_TOO_LONG,
  /** Too many requests of this client are in progress. */
  TOO_MANY_PENDING,
  /** Too many clients are connected; the connection is closed. */
  TOO_MANY_CLIENTS,
  /** A request came before {@code hello}. */
  HELLO_REQUIRED,
  /** No protocol version in common. */
  UNSUPPORTED_VERSION,
  /** The peer's user may not do this (the text says who may). */
  NOT_PERMITTED,
  /** No profile with that name. */
  UNKNOWN_PROFILE,
  /** The profile sent has errors; {@code problems} lists them. */
  INVALID_PROFILE,
  /** Another tunnel is up or coming up; disconnect it first. */
  BUSY,
  /** The connect attempt failed; {@code failure} says where and why. */
  CONNECT_FAILED,
  /** The prompt answered does not exist (any more) or is not this client's. */
  UNKNOWN_PROMPT,
  /** The client was too slow (hello or an unfinished line); the connection is closed. */
  TIMEOUT,
  /** The helper is stopping. */
  SHUTTING_DOWN,
  /** A bug or an unexpected failure in the helper; the text and the helper's log say more. */
  INTERNAL
}
