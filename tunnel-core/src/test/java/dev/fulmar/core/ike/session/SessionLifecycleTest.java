package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.DeterministicRandom;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.ManualSessionLoop;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void failsAtResolveGatewayWhenTheNameDoesNotResolve() throws Exception {
    ManualSessionLoop loop = new ManualSessionLoop();
    SessionEnvironment env = SessionEnvironment.builder().loops(loop).sockets(h.network)
        .random(new DeterministicRandom(3))
        .resolver(host -> {
          throw new UnknownHostException(host + ": Name or service not known");
        }).build();
    IkeSession s = IkeSession.create(h.params.gateway("vpn.invalid").build(), env, h.events);

    assertThatThrownBy(() -> s.connect().join()).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IkeSessionException.class);
    assertThat(h.events.failure.step()).isEqualTo(FailureStep.RESOLVE_GATEWAY);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.GATEWAY_NOT_FOUND);
    assertThat(h.events.failure.reason()).contains("vpn.invalid");
    assertThat(h.network.log()).isEmpty();
  }

  @Test
  void closingBeforeTheTunnelIsUpCancelsWithoutADelete() {
    h.connect();
    h.toGateway();
    h.session.close();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.CANCELLED);
    assertThat(h.loop.pendingTimers()).isEmpty();
  }

  @Test
  void connectTwiceRunsOneHandshake() {
    h.connect();
    h.session.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.info().exchanges()).hasSize(6);
  }

  @Test
  void refusesParametersWithoutACaForACertificateGateway() {
    assertThatThrownBy(() -> IkeSessionParams.builder().gateway("vpn.example.test")
        .auth(h.eap("alice", "x")).build())
        .isInstanceOfSatisfying(IkeSessionException.class, e -> {
          assertThat(e.failure().step()).isEqualTo(FailureStep.PREPARE);
          assertThat(e.failure().reason()).contains("no CA certificate");
        });
  }

  @Test
  void aCrashInATaskEndsTheSessionNotTheLoop() {
    h.params.auth(new dev.fulmar.core.api.AuthConfig.Eap(
        java.util.Set.of(dev.fulmar.core.api.EapMethod.MSCHAPV2), "alice",
        request -> {
          throw new IllegalStateException("keychain exploded");
        }, null));
    h.connect();
    h.runAll();

    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    assertThat(h.events.failure.reason()).contains("keychain exploded");
  }
}
