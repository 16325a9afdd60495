package dev.fulmar.core.ike.sa;

/**
 * A handle for an IKE SA that timers and asynchronous work hold instead of the SA itself (STYLE
 * #9): when they fire they look the SA up in the {@link SaRegistry}, and do nothing if it is gone.
 */
public record SaId(long value) {
  @Override
  public String toString() {
    return "sa#" + value;
  }
}
