package dev.fulmar.control.client;

/** The connection to the helper closed (the helper stopped, or cut this client off). */
public final class ConnectionLostException extends ControlException {
  private static final long serialVersionUID = 1L;

  public ConnectionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
