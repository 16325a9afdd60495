package dev.fulmar.interop.lab;

/**
 * A failure of the interop lab itself (a command, a daemon, a namespace), as opposed to a failed
 * assertion about the peer under test. The message says what failed and where its log is.
 */
public class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LabException(String message) {
    super(message);
  }

  public LabException(String message, Throwable cause) {
    super(message, cause);
  }
}
