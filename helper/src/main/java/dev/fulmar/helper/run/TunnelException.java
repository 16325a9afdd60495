package dev.fulmar.helper.run;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.spi.SystemConfigException;

/**
 * Bringing a tunnel up failed: the step that failed and why, in plain words. IKE failures carry
 * the engine's {@link IkeFailure} (with its reason and fix); system failures the OS's message.
 */
public final class TunnelException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureStep step;
  private final transient IkeFailure ikeFailure;

  private TunnelException(FailureStep step, String message, IkeFailure ikeFailure,
      Throwable cause) {
    super(message, cause);
    this.step = step;
    this.ikeFailure = ikeFailure;
  }

  /** The engine failed (negotiation, authentication, the gateway). */
  public static TunnelException of(IkeFailure failure) {
    return new TunnelException(failure.step(), failure.reason(), failure, null);
  }

  /**
   * None of the profile's gateways could be reached: {@code tried} names each with why (in the
   * order they were tried); the engine's failure is that of the last one.
   */
  static TunnelException noGatewayAnswered(java.util.List<String> tried, IkeFailure last) {
    return new TunnelException(last.step(), "no gateway could be reached: "
        + String.join("; ", tried), last, null);
  }

  /** The operating system refused a change at {@code step}. */
  public static TunnelException system(FailureStep step, String message, Throwable cause) {
    return new TunnelException(step, message, null, cause);
  }

  /** A {@link SystemConfigException}, reported at the matching step. */
  public static TunnelException of(SystemConfigException e) {
    FailureStep step;
    switch (e.step()) {
      case CREATE_ADAPTER:
        step = FailureStep.CREATE_ADAPTER;
        break;
      case SET_DNS:
        step = FailureStep.SET_DNS;
        break;
      case KILL_SWITCH:
        step = FailureStep.KILL_SWITCH;
        break;
      default:
        step = FailureStep.SET_ROUTES;
        break;
    }
    return new TunnelException(step, e.getMessage(), null, e);
  }

  public FailureStep step() {
    return step;
  }

  /** The engine's failure, or null when the operating system failed. */
  public IkeFailure ikeFailure() {
    return ikeFailure;
  }

  /** What the user can do, when known. */
  public String fix() {
    return ikeFailure != null ? ikeFailure.fix() : null;
  }
}
