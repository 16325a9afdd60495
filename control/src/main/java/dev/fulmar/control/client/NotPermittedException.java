package dev.fulmar.control.client;

/**
 * The helper (or the socket's file permissions) refused this user; the message says who may use
 * it and how to get access.
 */
public final class NotPermittedException extends ControlException {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message, Throwable cause) {
    super(message, cause);
  }
}
