package dev.fulmar.helper.control;

import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.TunnelStatus;

/**
 * Receives what the tunnel side reports. Called in order from the tunnel's threads; must return
 * quickly (the control server only queues).
 */
public interface TunnelListener {
  /** The tunnel entered a new state. */
  void onStatus(TunnelStatus status);

  /**
   * A log line for the helper's ring buffer and the clients. It is redacted before anyone sees it,
   * but the tunnel side must still never pass secrets on purpose.
   */
  void onLog(LogLevel level, String source, String message);
}
