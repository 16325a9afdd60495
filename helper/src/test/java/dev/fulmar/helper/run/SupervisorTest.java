package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.ike.ManualSessionLoop;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tunnel's reconnect logic on a manual loop and clock: what a lost session leads to (a wait,
 * then a new session; or the end, for failures a retry cannot fix), how network changes, resumes
 * and redirects move the tunnel, and that events of replaced sessions change nothing.
 */
class SupervisorTest {
  private static final InetAddress HOME = address("192.0.2.1");
  private static final InetAddress OTHER = address("198.51.100.7");
  /** The supervisor passes the session's info to the tunnel untouched; its content is not read. */
  private static final SessionInfo INFO = null;
  private static final IkeFailure DPD_GAVE_UP = IkeFailure.of(FailureStep.LIVENESS,
      ErrorCode.PEER_UNREACHABLE, "gateway", "192.0.2.1", "exchange", "INFORMATIONAL",
      "attempts", "5", "seconds", "15");
  private static final IkeFailure AUTH_REFUSED =
      IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.USER_AUTH_FAILED);

  private final ManualSessionLoop loop = new ManualSessionLoop();
  private final FakeDriver driver = new FakeDriver();
  private final Supervisor supervisor = new Supervisor(loop, driver,
      new Backoff(ReconnectPolicy.DEFAULTS, () -> 0L), HOME);

  @Test
  void aFailedFirstAttemptEndsAtOnceWithoutRetry() {
    supervisor.start();
    supervisor.sessionLost(1, DPD_GAVE_UP);

    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure()).isEqualTo(DPD_GAVE_UP);
    assertThat(driver.endedWasUp).isFalse();
    assertThat(loop.pendingTimers()).isEmpty();
    assertThat(driver.opened).hasSize(1);
  }

  @Test
  void aLostSessionIsReplacedAfterTheBackoffWithoutUserAction() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);

    assertThat(driver.states).last().asString().startsWith("RECONNECTING: the gateway 192.0.2.1"
        + " stopped answering: INFORMATIONAL unanswered").endsWith("; attempt 1 in 1.0 s");
    assertThat(driver.sessions.get(0).abandoned).isTrue();
    assertThat(driver.lost).containsExactly(DPD_GAVE_UP);
    assertThat(loop.pendingTimers()).containsExactly(Duration.ofSeconds(1));

    loop.advance(Duration.ofSeconds(1));
    assertThat(driver.opened).containsExactly("1 192.0.2.1", "2 192.0.2.1");
    supervisor.sessionUp(2, INFO);
    assertThat(driver.established).isEqualTo(2);
    assertThat(driver.ended).isEmpty();
  }

  @Test
  void failedAttemptsWaitLongerEachTimeUntilTheGatewayIsBack() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    List<Duration> waits = new ArrayList<>();
    for (int gen = 2; gen <= 6; gen++) {
      waits.add(loop.pendingTimers().get(0));
      loop.advance(loop.pendingTimers().get(0));
      supervisor.sessionLost(gen, DPD_GAVE_UP);
    }
    assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L);

    loop.advance(loop.pendingTimers().get(0));
    supervisor.sessionUp(7, INFO);
    loop.advance(Duration.ofSeconds(61)); // stable: the next loss starts over
    supervisor.sessionLost(7, DPD_GAVE_UP);
    assertThat(loop.pendingTimers()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aRefusedPasswordOnReconnectEndsTheTunnelInsteadOfTryingAgain() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));
    supervisor.sessionLost(2, AUTH_REFUSED);

    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure()).isEqualTo(AUTH_REFUSED);
    assertThat(driver.endedWasUp).isTrue();
    assertThat(loop.pendingTimers()).isEmpty();
    assertThat(driver.opened).hasSize(2);
  }

  @Test
  void theGatewayDeletingTheSessionEndsTheTunnel() {
    upOnce();
    IkeFailure deleted = IkeFailure.of(FailureStep.ESTABLISHED, ErrorCode.PEER_DELETED);
    supervisor.sessionLost(1, deleted);

    assertThat(driver.ended).extracting(TunnelException::ikeFailure).containsExactly(deleted);
  }

  @Test
  void aSessionTheEngineCouldNotMoveIsReplacedAtOnce() {
    driver.mobike = true;
    upOnce();
    supervisor.pathChanged("local address 192.0.2.10 -> 192.0.2.20");
    assertThat(driver.sessions.get(0).addressChanges).as("the engine tries MOBIKE").isEqualTo(1);
    assertThat(driver.sessions.get(0).hurriedTo).as("only a resume hurries the check").isNull();

    // INFORMATIONAL { D } --> (one shot): the gateway did not agree to MOBIKE
    IkeFailure cannotMove = IkeFailure.of(FailureStep.MOBIKE, ErrorCode.NETWORK_CHANGED,
        "local", "192.0.2.20", "detail", "the gateway does not support MOBIKE");
    supervisor.sessionLost(1, cannotMove);
    assertThat(driver.ended).isEmpty();
    assertThat(driver.lost).containsExactly(cannotMove);
    assertThat(driver.states).last().asString().isEqualTo("RECONNECTING: " + cannotMove.reason());
    assertThat(driver.opened).containsExactly("1 192.0.2.1", "2 192.0.2.1");
    assertThat(loop.pendingTimers()).as("no backoff wait").isEmpty();
  }

  @Test
  void aReauthenticationThatBringsNewSettingsReconfiguresTheSystem() {
    upOnce();
    supervisor.refreshed(1, INFO);
    assertThat(driver.established).isEqualTo(2);
    supervisor.refreshed(7, INFO);
    assertThat(driver.established).isEqualTo(2);
  }

  @Test
  void aGatewayThatMovesIsFollowedByTheSystem() {
    upOnce();
    supervisor.gatewayMoved(1, OTHER);
    assertThat(driver.moved).containsExactly(OTHER);
    assertThat(supervisor.target()).isEqualTo(OTHER);
    assertThat(driver.opened).hasSize(1);
  }

  @Test
  void eventsOfAReplacedSessionChangeNothing() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));
    supervisor.sessionUp(2, INFO);

    supervisor.sessionLost(1, AUTH_REFUSED);
    supervisor.sessionUp(1, INFO);
    supervisor.redirected(1, OTHER);

    assertThat(driver.ended).isEmpty();
    assertThat(driver.established).isEqualTo(2);
    assertThat(driver.opened).hasSize(2);
  }

  @Test
  void aNewLocalAddressWithoutMobikeReplacesTheSessionAtOnce() {
    upOnce();
    supervisor.pathChanged("local address 192.0.2.10 -> 192.0.2.20");

    assertThat(driver.sessions.get(0).abandoned).isTrue();
    assertThat(driver.states).contains(
        "RECONNECTING: local address 192.0.2.10 -> 192.0.2.20 (no MOBIKE)");
    assertThat(driver.opened).containsExactly("1 192.0.2.1", "2 192.0.2.1");
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void aNewLocalAddressWithMobikeMovesTheSessionAndKeepsIt() {
    driver.mobike = true;
    upOnce();
    supervisor.pathChanged("local address 192.0.2.10 -> 192.0.2.20");

    FakeSession s = driver.sessions.get(0);
    assertThat(s.addressChanges).isEqualTo(1);
    assertThat(s.abandoned).isFalse();
    assertThat(driver.opened).hasSize(1);
  }

  @Test
  void aNetworkThatComesBackCutsTheWaitShort() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    for (int gen = 2; gen <= 4; gen++) {
      loop.advance(loop.pendingTimers().get(0));
      supervisor.sessionLost(gen, DPD_GAVE_UP);
    }
    assertThat(loop.pendingTimers()).containsExactly(Duration.ofSeconds(8));

    supervisor.pathChanged("the way to the gateway is back");
    assertThat(driver.opened).hasSize(5);
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void aResumeChecksTheGatewayOrTriesAtOnce() {
    upOnce();
    supervisor.resumed(Duration.ofMinutes(40));
    assertThat(driver.sessions.get(0).livenessChecks).isEqualTo(1);
    assertThat(driver.sessions.get(0).hurriedTo).isEqualTo(Duration.ofSeconds(10));

    supervisor.sessionLost(1, DPD_GAVE_UP);
    supervisor.resumed(Duration.ofMinutes(5));
    assertThat(driver.opened).hasSize(2);
  }

  @Test
  void aResumeWithMobikeUpdatesTheAddresses() {
    driver.mobike = true;
    upOnce();
    supervisor.resumed(Duration.ofMinutes(40));
    assertThat(driver.sessions.get(0).addressChanges).isEqualTo(1);
    assertThat(driver.sessions.get(0).livenessChecks).isZero();
    assertThat(driver.sessions.get(0).hurriedTo).isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @EnumSource(value = ErrorCode.class, names = {"USER_AUTH_FAILED", "CERTIFICATE_AUTH_FAILED",
      "PSK_AUTH_FAILED", "EAP_FAILED", "GATEWAY_AUTH_FAILED", "GATEWAY_CERT_UNTRUSTED",
      "GATEWAY_IDENTITY_MISMATCH", "CREDENTIALS_MISSING"})
  void anAuthenticationFailureOnReconnectIsNeverRetried(ErrorCode code) {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));
    // IKE_AUTH <-- AUTHENTICATION_FAILED (or the client's own refusal of the gateway)
    supervisor.sessionLost(2, IkeFailure.of(FailureStep.IKE_AUTH, code));

    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure().code()).isEqualTo(code);
    assertThat(driver.endedWasUp).isTrue();
    assertThat(loop.pendingTimers()).as("no further attempt").isEmpty();
    loop.advance(Duration.ofHours(1));
    assertThat(driver.opened).hasSize(2);
  }

  @Test
  void aRedirectGoesToTheNewGatewayAndALaterFailureBackHome() {
    upOnce();
    supervisor.redirected(1, OTHER);

    assertThat(driver.opened).containsExactly("1 192.0.2.1",
        "2 198.51.100.7 from 192.0.2.1");
    assertThat(driver.sessions.get(0).abandoned).isTrue();
    supervisor.sessionUp(2, INFO);
    assertThat(supervisor.target()).isEqualTo(OTHER);

    supervisor.sessionLost(2, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));
    assertThat(driver.opened).last().isEqualTo("3 192.0.2.1");
  }

  @Test
  void redirectsInALoopEndTheTunnel() {
    upOnce();
    for (int gen = 1; gen <= RedirectLimit.MAX; gen++) {
      supervisor.redirected(gen, gen % 2 == 0 ? HOME : OTHER);
    }
    assertThat(driver.ended).isEmpty();
    supervisor.redirected(RedirectLimit.MAX + 1, OTHER);

    assertThat(driver.ended).hasSize(1);
    assertThat(driver.ended.get(0).ikeFailure().code()).isEqualTo(ErrorCode.REDIRECT_LOOP);
    assertThat(driver.ended.get(0).getMessage()).contains("redirected the connection 6 times");
  }

  @Test
  void noRouteToTheGatewayWhileReconnectingIsRetried() {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    driver.failOpen = TunnelException.system(FailureStep.OPEN_SOCKET,
        "no route to the gateway 192.0.2.1 outside the tunnel", null);
    loop.advance(Duration.ofSeconds(1));

    assertThat(driver.ended).isEmpty();
    assertThat(driver.states).last().asString().contains("no route to the gateway")
        .endsWith("attempt 2 in 2.0 s");
    driver.failOpen = null;
    loop.advance(Duration.ofSeconds(2));
    assertThat(driver.sessions).hasSize(2);
  }

  @Test
  void aSystemThatCannotBeConfiguredEndsTheTunnel() {
    supervisor.start();
    driver.failEstablished = TunnelException.system(FailureStep.SET_ROUTES, "RTNETLINK: no", null);
    supervisor.sessionUp(1, INFO);

    assertThat(driver.ended).containsExactly(driver.failEstablished);
    assertThat(driver.sessions.get(0).abandoned).isTrue();
  }

  @Test
  void stopHandsOverTheSessionAndNothingHappensAfterwards() throws Exception {
    upOnce();
    supervisor.sessionLost(1, DPD_GAVE_UP);
    loop.advance(Duration.ofSeconds(1));

    Optional<SupervisedSession> s = supervisor.stop().get();
    assertThat(s).containsSame(driver.sessions.get(1));
    supervisor.sessionLost(2, DPD_GAVE_UP);
    supervisor.pathChanged("local address changed");
    loop.advance(Duration.ofMinutes(5));
    assertThat(driver.opened).hasSize(2);
    assertThat(driver.ended).isEmpty();
    assertThat(loop.pendingTimers()).isEmpty();
  }

  private void upOnce() {
    supervisor.start();
    supervisor.sessionUp(1, INFO);
    assertThat(driver.established).isEqualTo(1);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Records what the supervisor asks for. */
  static final class FakeDriver implements SupervisorDriver {
    final List<String> opened = new ArrayList<>();
    final List<FakeSession> sessions = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    final List<TunnelException> ended = new ArrayList<>();
    final List<InetAddress> moved = new ArrayList<>();
    final List<IkeFailure> lost = new ArrayList<>();
    boolean endedWasUp;
    boolean mobike;
    int established;
    TunnelException failOpen;
    final java.util.Set<InetAddress> noRoute = new java.util.HashSet<>();
    TunnelException failEstablished;

    @Override
    public SupervisedSession open(long generation, InetAddress gateway,
        Optional<InetAddress> redirectedFrom) throws TunnelException {
      if (failOpen != null) {
        throw failOpen;
      }
      if (noRoute.contains(gateway)) {
        throw TunnelException.system(FailureStep.OPEN_SOCKET, "no route to the gateway "
            + gateway.getHostAddress() + " (Network is unreachable)", null);
      }
      opened.add(generation + " " + gateway.getHostAddress()
          + redirectedFrom.map(f -> " from " + f.getHostAddress()).orElse(""));
      FakeSession s = new FakeSession(mobike);
      sessions.add(s);
      return s;
    }

    @Override
    public void established(SessionInfo info) throws TunnelException {
      if (failEstablished != null) {
        throw failEstablished;
      }
      established++;
    }

    @Override
    public void moved(InetAddress gateway) {
      moved.add(gateway);
    }

    @Override
    public void state(TunnelState state, String detail) {
      states.add(state + ": " + detail);
    }

    @Override
    public void lost(IkeFailure why) {
      this.lost.add(why);
    }

    @Override
    public void ended(TunnelException why, boolean wasUp) {
      ended.add(why);
      endedWasUp = wasUp;
    }
  }

  static final class FakeSession implements SupervisedSession {
    final boolean mobike;
    boolean abandoned;
    int addressChanges;
    int livenessChecks;
    Duration hurriedTo;

    FakeSession(boolean mobike) {
      this.mobike = mobike;
    }

    @Override
    public boolean mobike() {
      return mobike;
    }

    @Override
    public void addressChanged() {
      addressChanges++;
    }

    @Override
    public void checkLiveness() {
      livenessChecks++;
    }

    @Override
    public void answerNextCheckWithin(Duration within) {
      hurriedTo = within;
    }

    @Override
    public void abandon() {
      abandoned = true;
    }
  }
}
