package dev.fulmar.interop.lab;

/** A command of the lab exited non-zero or timed out; the message holds its output. */
public final class CommandFailedException extends LabException {
  private static final long serialVersionUID = 1L;

  private final transient Cmd.Result result;

  CommandFailedException(String message, Cmd.Result result) {
    super(message);
    this.result = result;
  }

  /** The result of the command, or null if it timed out. */
  public Cmd.Result result() {
    return result;
  }
}
