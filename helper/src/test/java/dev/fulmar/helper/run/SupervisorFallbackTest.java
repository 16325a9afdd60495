package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.ike.ManualSessionLoop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fallback gateways on a manual loop and clock: each attempt tries the profile's gateways in
 * order, moves on only when a gateway cannot be reached or does not answer, gives a gateway that
 * has a successor {@link #LIMIT} to answer IKE_SA_INIT, starts every reconnect at the primary,
 * and names every gateway tried when none could be reached.
 */
class SupervisorFallbackTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final InetAddress DEAD = address("192.0.2.77");
  private static final InetAddress LIVE = address("192.0.2.1");
  private static final IkeFailure AUTH_REFUSED =
      IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.USER_AUTH_FAILED);
  private static final IkeFailure CERT_UNTRUSTED = IkeFailure.of(FailureStep.IKE_AUTH,
      ErrorCode.GATEWAY_CERT_UNTRUSTED, "subject", "CN=vpn", "issuer", "CN=other",
      "fingerprint", "00");
  private static final IkeFailure DPD_GAVE_UP = IkeFailure.of(FailureStep.LIVENESS,
      ErrorCode.PEER_UNREACHABLE, "gateway", "192.0.2.1", "exchange", "INFORMATIONAL",
      "attempts", "5", "seconds", "15");

  private final ManualSessionLoop loop = new ManualSessionLoop();
  private final SupervisorTest.FakeDriver driver = new SupervisorTest.FakeDriver();

  private Supervisor supervisor(GatewayCandidate... gateways) {
    return new Supervisor(loop, driver, new Backoff(ReconnectPolicy.DEFAULTS, () -> 0L),
        List.of(gateways), LIMIT);
  }

  private static GatewayCandidate gw(InetAddress a) {
    return GatewayCandidate.resolved(a.getHostAddress(), 500, a);
  }

  private static IkeFailure unanswered(String gateway, String seconds) {
    return IkeFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.GATEWAY_UNREACHABLE,
        "gateway", gateway, "exchange", "IKE_SA_INIT", "attempts", "7", "seconds", seconds);
  }

  @Test
  void aPrimaryThatDoesNotAnswerIsLeftForTheFallbackAfterTheLimit() {
    Supervisor s = supervisor(gw(DEAD), gw(LIVE));
    s.start();
    assertThat(driver.opened).containsExactly("1 192.0.2.77");
    assertThat(loop.pendingTimers()).containsExactly(LIMIT);

    loop.advance(LIMIT);

    assertThat(driver.sessions.get(0).abandoned).isTrue();
    assertThat(driver.opened).containsExactly("1 192.0.2.77", "2 192.0.2.1");
    assertThat(driver.states).containsExactly("CONNECTING: gateway 192.0.2.77 cannot be reached"
        + " (the gateway 192.0.2.77 did not answer the IKE_SA_INIT request (4 attempts in 10 s));"
        + " trying the next one, 192.0.2.1");
    assertThat(loop.pendingTimers()).as("the last gateway has the engine's own give-up")
        .isEmpty();
    s.sessionUp(2, null);
    assertThat(driver.established).isEqualTo(1);
    assertThat(s.gatewayInUse()).isEqualTo("192.0.2.1");
    assertThat(s.target()).isEqualTo(LIVE);
    assertThat(driver.ended).isEmpty();
  }

  @Test
  void aPrimaryThatAnsweredIsNotLeftWhenAuthenticationTakesLonger() {
    Supervisor s = supervisor(gw(DEAD), gw(LIVE));
    s.start();
    s.answered(1);
    loop.advance(Duration.ofMinutes(2));

    assertThat(driver.opened).containsExactly("1 192.0.2.77");
    s.sessionUp(1, null);
    assertThat(s.gatewayInUse()).isEqualTo("192.0.2.77");
  }

  @Test
  void theEnginesGiveUpAndAMissingRouteMoveOnToo() {
    Supervisor s = supervisor(gw(DEAD), gw(address("198.51.100.7")), gw(LIVE));
    driver.noRoute.add(address("198.51.100.7"));
    s.start();
    s.sessionLost(1, unanswered("192.0.2.77", "9"));

    assertThat(driver.opened).containsExactly("1 192.0.2.77", "3 192.0.2.1");
    assertThat(driver.states).hasSize(2);
    assertThat(driver.states.get(1)).startsWith("CONNECTING: gateway 198.51.100.7 cannot be"
        + " reached (no route to the gateway 198.51.100.7");
  }

  @Test
  void refusedCredentialsAreReportedWithoutTryingTheFallback() {
    Supervisor s = supervisor(gw(LIVE), gw(DEAD));
    s.start();
    s.sessionLost(1, AUTH_REFUSED);

    assertThat(driver.opened).containsExactly("1 192.0.2.1");
    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure()).isEqualTo(AUTH_REFUSED);
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void anUntrustedFallbackIsReportedAsItIs() {
    Supervisor s = supervisor(gw(DEAD), gw(LIVE));
    s.start();
    loop.advance(LIMIT);
    s.sessionLost(2, CERT_UNTRUSTED);

    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure()).isEqualTo(CERT_UNTRUSTED);
    assertThat(driver.ended.get(0).getMessage()).isEqualTo(CERT_UNTRUSTED.reason());
  }

  @Test
  void whenNoGatewayCanBeReachedTheErrorNamesEachWithWhy() throws Exception {
    GatewayCandidate unresolved = GatewayCandidate.unresolvable("vpn.example.net", 500,
        "Name or service not known");
    Supervisor s = supervisor(unresolved, gw(DEAD), gw(LIVE));
    driver.noRoute.add(DEAD);
    s.start();
    IkeFailure last = unanswered("192.0.2.1", "47");
    s.sessionLost(3, last);

    assertThat(driver.opened).containsExactly("3 192.0.2.1");
    assertThat(driver.ended).hasSize(1);
    TunnelException e = driver.ended.get(0);
    assertThat(e.getMessage()).isEqualTo("no gateway could be reached:"
        + " vpn.example.net: the gateway name vpn.example.net could not be resolved (Name or"
        + " service not known);"
        + " 192.0.2.77: no route to the gateway 192.0.2.77 (Network is unreachable);"
        + " 192.0.2.1: " + last.reason());
    assertThat(e.ikeFailure()).isEqualTo(last);
    assertThat(driver.endedWasUp).isFalse();
  }

  @Test
  void everyReconnectStartsAtThePrimaryAgain() {
    Supervisor s = supervisor(gw(DEAD), gw(LIVE));
    s.start();
    loop.advance(LIMIT);
    s.sessionUp(2, null);
    s.sessionLost(2, DPD_GAVE_UP);

    assertThat(loop.pendingTimers()).containsExactly(Duration.ofSeconds(1));
    loop.advance(Duration.ofSeconds(1));
    assertThat(driver.opened).last().isEqualTo("3 192.0.2.77");
    loop.advance(LIMIT);
    assertThat(driver.opened).last().isEqualTo("4 192.0.2.1");
    assertThat(driver.states).last().asString().startsWith("RECONNECTING: gateway 192.0.2.77"
        + " cannot be reached");
    s.sessionUp(4, null);
    assertThat(driver.established).isEqualTo(2);
    assertThat(s.gatewayInUse()).isEqualTo("192.0.2.1");
  }

  @Test
  void aReconnectThatReachesNoGatewayWaitsAndStartsOverAtThePrimary() {
    Supervisor s = supervisor(gw(LIVE), gw(DEAD));
    s.start();
    s.sessionUp(1, null);
    s.sessionLost(1, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));
    s.sessionLost(2, unanswered("192.0.2.1", "9"));
    s.sessionLost(3, unanswered("192.0.2.77", "47"));

    assertThat(driver.ended).isEmpty();
    assertThat(driver.states).last().asString()
        .startsWith("RECONNECTING: no gateway could be reached: 192.0.2.1: ")
        .contains("; 192.0.2.77: ").endsWith("; attempt 2 in 2.0 s");
    loop.advance(Duration.ofSeconds(2));
    assertThat(driver.opened).last().isEqualTo("4 192.0.2.1");
  }

  @Test
  void aSingleGatewayKeepsTheEnginesGiveUp() {
    Supervisor s = supervisor(gw(LIVE));
    s.start();
    assertThat(loop.pendingTimers()).isEmpty();
    s.sessionLost(1, unanswered("192.0.2.1", "47"));
    assertThat(driver.ended.get(0).getMessage())
        .isEqualTo(unanswered("192.0.2.1", "47").reason());
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
