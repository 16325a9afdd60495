package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which failures a reconnect loop may retry on its own. */
class ErrorCodeTest {

  @Test
  void onlyNetworkAndGatewayStateFailuresAreRetryable() {
    Set<ErrorCode> retryable = EnumSet.noneOf(ErrorCode.class);
    for (ErrorCode c : ErrorCode.values()) {
      if (c.retryable()) {
        retryable.add(c);
      }
    }
    assertThat(retryable).containsExactlyInAnyOrder(ErrorCode.GATEWAY_NOT_FOUND,
        ErrorCode.SOCKET_FAILED, ErrorCode.GATEWAY_UNREACHABLE, ErrorCode.PEER_DELETED,
        ErrorCode.PEER_UNREACHABLE, ErrorCode.NETWORK_CHANGED, ErrorCode.REKEY_FAILED);
  }

  @Test
  void authenticationFailuresAreNotRetriedBlindly() {
    IkeFailure f = IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.USER_AUTH_FAILED);
    assertThat(f.retryable()).isFalse();
    assertThat(IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.PSK_AUTH_FAILED).retryable())
        .isFalse();
    assertThat(IkeFailure.of(FailureStep.LIVENESS, ErrorCode.PEER_UNREACHABLE).retryable())
        .isTrue();
  }

  @Test
  void newCodesFillTheirPlaceholders() {
    IkeFailure f = IkeFailure.of(FailureStep.MOBIKE, ErrorCode.NETWORK_CHANGED,
        "local", "198.51.100.20", "detail", "the gateway does not support MOBIKE");
    assertThat(f.reason()).isEqualTo("this computer's address changed to 198.51.100.20, and the"
        + " connection cannot move with it (the gateway does not support MOBIKE)");
    assertThat(f.reason()).doesNotContain("?");
  }
}
