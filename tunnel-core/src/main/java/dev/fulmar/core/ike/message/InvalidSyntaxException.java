package dev.fulmar.core.ike.message;

/**
 * INVALID_SYNTAX (RFC 7296 §3.10.1): a message is malformed. The text names the payload, field and
 * offset that are wrong, e.g. {@code "SA payload at offset 44: proposal 1 says it has 4 transforms
 * but carries 3"}.
 */
public final class InvalidSyntaxException extends IkeProtocolException {

  private static final long serialVersionUID = 1L;

  /** A syntax error described by {@code message}. */
  public InvalidSyntaxException(String message) {
    super(NotifyType.INVALID_SYNTAX, new byte[0], message);
  }
}
