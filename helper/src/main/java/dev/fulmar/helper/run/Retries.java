package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which failures of a tunnel that was up are worth another attempt. The gateway that stopped
 * answering, a path that is gone, a socket the network took away: try again, they heal by
 * themselves. A refused password or certificate, proposals or traffic selectors the gateway does
 * not accept, a profile that is wrong: the next attempt would fail the same way (and a password
 * tried again and again can lock the account), so the tunnel ends with the reason instead.
 */
final class Retries {
  /** Failures that come from the path or the gateway's state, not from the configuration. */
  static final Set<ErrorCode> TRANSIENT = EnumSet.of(
      ErrorCode.GATEWAY_UNREACHABLE,
      ErrorCode.GATEWAY_NOT_FOUND,
      ErrorCode.SOCKET_FAILED,
      ErrorCode.NO_VIRTUAL_ADDRESS,
      ErrorCode.PEER_ERROR);

  private Retries() {}

  /** Whether another attempt can succeed where this one failed. */
  static boolean retryable(IkeFailure failure) {
    return TRANSIENT.contains(failure.code());
  }
}
