package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The tunnel as the helper sees it now: the body of a {@code state} event and of a {@code
 * status_report}.
 *
 * @param state the state
 * @param profile the name of the profile the state refers to, or null when disconnected
 * @param gateway the gateway host of that profile, or null
 * @param sinceMillis when the state was entered (Unix time, ms)
 * @param failure why, for {@link TunnelState#ERROR} and a {@link TunnelState#RECONNECTING} with a
 *     known cause; null otherwise
 * @param session what was negotiated, while {@link TunnelState#CONNECTED}; null otherwise
 */
public record TunnelStatus(
    TunnelState state,
    String profile,
    String gateway,
    long sinceMillis,
    Failure failure,
    SessionDetails session) {

  public TunnelStatus {
    Objects.requireNonNull(state, "state");
    if (state == TunnelState.ERROR && failure == null) {
      throw new IllegalArgumentException("state ERROR needs a failure");
    }
  }

  /** Disconnected, with nothing else to say. */
  public static TunnelStatus disconnected(long sinceMillis) {
    return new TunnelStatus(TunnelState.DISCONNECTED, null, null, sinceMillis, null, null);
  }
}
