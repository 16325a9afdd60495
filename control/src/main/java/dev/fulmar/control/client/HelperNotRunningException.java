package dev.fulmar.control.client;

import dev.fulmar.control.SocketPaths;
import java.nio.file.Path;

/** No helper listens on the control socket; the message says how to start it. */
public final class HelperNotRunningException extends ControlException {
  private static final long serialVersionUID = 1L;
  private final transient Path socket;

  public HelperNotRunningException(Path socket, Throwable cause) {
    super("The Fulmar helper (fulmard) is not running: nothing answers at " + socket
        + ". Start it with: " + SocketPaths.startHint(System.getProperty("os.name", "")), cause);
    this.socket = socket;
  }

  /** The socket path that was tried. */
  public Path socket() {
    return socket;
  }
}
