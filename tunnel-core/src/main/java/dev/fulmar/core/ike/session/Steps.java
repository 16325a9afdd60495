package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.message.ExchangeType;

/** Which failure step and session state an exchange stands for. */
final class Steps {
  private Steps() {}

  static FailureStep of(ExchangeType type, SessionState state) {
    if (state == SessionState.CLOSING) {
      return FailureStep.CLOSE;
    }
    if (state == SessionState.ESTABLISHED) {
      return FailureStep.ESTABLISHED;
    }
    if (ExchangeType.IKE_INTERMEDIATE.equals(type)) {
      return FailureStep.IKE_INTERMEDIATE;
    }
    if (ExchangeType.IKE_AUTH.equals(type)) {
      return FailureStep.IKE_AUTH;
    }
    return FailureStep.IKE_SA_INIT;
  }

  static SessionState stateFor(ExchangeType type, SessionState current) {
    if (ExchangeType.IKE_AUTH.equals(type)) {
      return SessionState.AUTHENTICATING;
    }
    if (ExchangeType.IKE_SA_INIT.equals(type) || ExchangeType.IKE_INTERMEDIATE.equals(type)) {
      return SessionState.CONNECTING;
    }
    return current;
  }
}
