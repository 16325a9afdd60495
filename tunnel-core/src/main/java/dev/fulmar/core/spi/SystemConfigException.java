package dev.fulmar.core.spi;

import java.io.IOException;
import java.util.Objects;

/**
 * A change to the OS could not be made (or undone). Carries the {@link Step} that failed so that
 * the helper can report the failing stage of bringing a tunnel up, and the OS's own message.
 */
public final class SystemConfigException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The stage of configuring the system that failed. */
  public enum Step {
    /** Creating or opening the tunnel device. */
    CREATE_ADAPTER,
    /** Addresses, MTU or link state of the tunnel device. */
    SET_ADDRESSES,
    /** Routes through the tunnel and the host route to the gateway. */
    SET_ROUTES,
    /** DNS servers and domains. */
    SET_DNS,
    /** The firewall rules that keep traffic inside the tunnel. */
    KILL_SWITCH,
    /** Undoing earlier changes (disconnect or crash recovery). */
    RESTORE
  }

  private final Step step;

  /** A failure at {@code step} with a message that names what was attempted and why it failed. */
  public SystemConfigException(Step step, String message) {
    super(message);
    this.step = Objects.requireNonNull(step, "step");
  }

  /** Same, with the underlying cause. */
  public SystemConfigException(Step step, String message, Throwable cause) {
    super(message, cause);
    this.step = Objects.requireNonNull(step, "step");
  }

  /** The stage that failed. */
  public Step step() {
    return step;
  }

  @Override
  public String getMessage() {
    return step + ": " + super.getMessage();
  }
}
