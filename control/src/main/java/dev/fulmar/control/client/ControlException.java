package dev.fulmar.control.client;

/** Talking to the helper failed; subclasses say how, each with a message for the user. */
public class ControlException extends Exception {
  private static final long serialVersionUID = 1L;

  public ControlException(String message) {
    super(message);
  }

  public ControlException(String message, Throwable cause) {
    super(message, cause);
  }
}
