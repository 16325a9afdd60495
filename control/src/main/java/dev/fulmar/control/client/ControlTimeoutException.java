package dev.fulmar.control.client;

/** The helper did not answer in time. */
public final class ControlTimeoutException extends ControlException {
  private static final long serialVersionUID = 1L;

  public ControlTimeoutException(String message) {
    super(message);
  }
}
