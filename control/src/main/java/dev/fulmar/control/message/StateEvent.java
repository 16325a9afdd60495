package dev.fulmar.control.message;

import java.util.Objects;

/** The tunnel changed state; pushed to {@code STATE} subscribers. */
public record StateEvent(TunnelStatus status) implements Event {
  public StateEvent {
    Objects.requireNonNull(status, "status");
  }
}
