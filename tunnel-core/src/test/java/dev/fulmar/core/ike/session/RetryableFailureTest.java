package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.ResponderConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a reconnect loop may retry ({@code IkeFailure.retryable()}), as sessions end: the gateway's
 * AUTHENTICATION_FAILED and a rejected password are not retryable, a gateway that never answers
 * during connect or stops answering once up is.
 */
class RetryableFailureTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void theGatewaysAuthenticationFailedIsNotRetryable() {
    // <-- IKE_AUTH { N(AUTHENTICATION_FAILED) } for a wrong pre-shared key
    h.gateway.clientAuth = ResponderConfig.ClientAuth.PSK;
    h.params.auth(new AuthConfig.Psk(Secret.ofBytes("not the key".getBytes(
        StandardCharsets.UTF_8))));
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.PSK_AUTH_FAILED);
    assertThat(h.events.failure.retryable()).isFalse();
  }

  @Test
  void aRejectedPasswordIsNotRetryable() {
    h.params.auth(h.eap("alice", "wrong password"));
    h.connect();
    h.runAll();

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.USER_AUTH_FAILED);
    assertThat(h.events.failure.retryable()).isFalse();
  }

  @Test
  void aGatewayThatNeverAnswersIsRetryable() {
    h.connect();
    for (int i = 0; i < 7; i++) {
      // IKE_SA_INIT -->  (lost)
      assertThat(h.network.dropNext()).isNotNull();
      h.loop.runTimers(Duration.ofSeconds(17));
    }

    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_UNREACHABLE);
    assertThat(h.events.failure.retryable()).isTrue();
  }
}
