package dev.fulmar.helper.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.helper.control.TunnelListener;
import dev.fulmar.helper.control.TunnelServiceException;
import dev.fulmar.helper.run.KillSwitchRule;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daemon's tunnel state machine, driven as the control server drives it, over scripted tunnels. */
class DaemonTunnelServiceTest {
  private static final String PASSWORD = "correct horse battery";
  private static final Profile OFFICE = profile("Office", "vpn.example.net");
  private static final Profile HOME = profile("Home", "home.example.org");

  private final ScriptedTunnels tunnels = new ScriptedTunnels();
  private final List<TunnelStatus> states = new CopyOnWriteArrayList<>();
  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final CompletableFuture<PromptEvent> asked = new CompletableFuture<>();
  private final CompletableFuture<AnswerPrompt> answer = new CompletableFuture<>();
  private final PromptHandler prompts = p -> {
    asked.complete(p);
    return answer;
  };
  private final DaemonTunnelService service = new DaemonTunnelService(tunnels,
      (p, c) -> DiagnoseOutcome.failure(p.name(), p.gateway().host(),
          IkeFailure.of(FailureStep.IKE_SA_INIT, dev.fulmar.core.api.ErrorCode.GATEWAY_UNREACHABLE)),
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  {
    service.subscribe(new TunnelListener() {
      @Override
      public void onStatus(TunnelStatus status) {
        states.add(status);
      }

      @Override
      public void onLog(LogLevel level, String source, String message) {
        logs.add(level + " " + source + " " + message);
      }
    });
  }

  @AfterEach
  void stop() {
    service.close();
  }

  static Profile profile(String name, String host) {
    return ProfileCodec.read("{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"" + name
        + "\",\"gateway\":{\"host\":\"" + host + "\"},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"alice\"}}").profile();
  }

  private static Credentials password(String p) {
    return Credentials.eapPassword(p.toCharArray());
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private List<TunnelState> stateNames() {
    return states.stream().map(TunnelStatus::state).toList();
  }

  @Test
  void theStatusNamesTheFallbackGatewayTheTunnelCameUpThrough() throws Exception {
    tunnels.gatewayInUse = "vpn2.example.net";
    TunnelStatus up = await(service.connect(OFFICE, password(PASSWORD), prompts));

    assertThat(states.get(0).gateway()).isEqualTo("vpn.example.net");
    assertThat(up.gateway()).isEqualTo("vpn2.example.net");
    assertThat(logs).anyMatch(l -> l.contains("connected: ")
        && l.endsWith(" via vpn2.example.net"));
  }

  @Test
  void connectGoesThroughConnectingToConnectedWithWhatWasNegotiated() throws Exception {
    TunnelStatus up = await(service.connect(OFFICE, password(PASSWORD), prompts));

    assertThat(up.state()).isEqualTo(TunnelState.CONNECTED);
    assertThat(up.profile()).isEqualTo("Office");
    assertThat(up.session().virtualAddresses()).containsExactly("10.201.0.1");
    assertThat(stateNames()).containsExactly(TunnelState.CONNECTING, TunnelState.CONNECTED);
    assertThat(service.status()).isEqualTo(up);
    assertThat(tunnels.last.secret).isEqualTo(PASSWORD);
    assertThat(asked).isNotDone();
    assertThat(service.counters()).isPresent();
  }

  @Test
  void anotherProfileIsBusyAndTheConnectedOneAnswersItsStatus() throws Exception {
    TunnelStatus up = await(service.connect(OFFICE, password(PASSWORD), prompts));
    Credentials second = password("other");

    assertThatThrownBy(() -> await(service.connect(HOME, second, prompts)))
        .hasCauseInstanceOf(TunnelServiceException.class)
        .satisfies(e -> assertThat(((TunnelServiceException) e.getCause()).code())
            .isEqualTo(ErrorCode.BUSY))
        .hasMessageContaining("'Office' is connected");
    assertThat(second.eapPassword().isWiped()).isTrue();
    assertThat(await(service.connect(OFFICE, password(PASSWORD), prompts))).isEqualTo(up);
  }

  @Test
  void aMissingPasswordIsAskedForAndTheAnswerReachesTheEngine() throws Exception {
    CompletionStage<TunnelStatus> connect = service.connect(OFFICE, Credentials.none(), prompts);
    PromptEvent p = asked.get(10, TimeUnit.SECONDS);
    assertThat(p.kind()).isEqualTo(PromptKind.EAP_CREDENTIALS);
    assertThat(p.username()).isEqualTo("alice");
    assertThat(p.hint()).contains("vpn.example.net (authenticated)");
    SecretText typed = SecretText.of(PASSWORD.toCharArray());
    answer.complete(new AnswerPrompt(p.promptId(), false, null, typed));

    assertThat(await(connect).state()).isEqualTo(TunnelState.CONNECTED);
    assertThat(tunnels.last.secret).isEqualTo(PASSWORD);
    assertThat(typed.isWiped()).isTrue();
  }

  @Test
  void aCancelledPromptFailsTheConnectAsCancelled() throws Exception {
    CompletionStage<TunnelStatus> connect = service.connect(OFFICE, Credentials.none(), prompts);
    answer.complete(AnswerPrompt.cancel(asked.get(10, TimeUnit.SECONDS).promptId()));

    TunnelServiceException e = failure(connect);
    assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
    assertThat(e.failure().code()).isEqualTo("CANCELLED");
    assertThat(service.status().state()).isEqualTo(TunnelState.ERROR);
    assertThat(service.status().failure().code()).isEqualTo("CANCELLED");
  }

  @Test
  void aFailedStepBecomesErrorWithTheEnginesReasonAndTheNextConnectMayStart() throws Exception {
    tunnels.failConnect = TunnelException.of(IkeFailure.of(FailureStep.IKE_AUTH,
        dev.fulmar.core.api.ErrorCode.USER_AUTH_FAILED, "notify", "AUTHENTICATION_FAILED"));
    Credentials creds = password("wrong password");
    TunnelServiceException e = failure(service.connect(OFFICE, creds, prompts));

    assertThat(e.failure().step()).isEqualTo("IKE_AUTH");
    assertThat(e.failure().code()).isEqualTo("USER_AUTH_FAILED");
    assertThat(e.failure().details()).containsEntry("notify", "AUTHENTICATION_FAILED");
    assertThat(stateNames()).containsExactly(TunnelState.CONNECTING, TunnelState.ERROR);
    assertThat(creds.eapPassword().isWiped()).isTrue();
    assertThat(logs).anyMatch(l -> l.contains("connecting failed at IKE_AUTH"))
        .noneMatch(l -> l.contains("wrong password"));

    tunnels.failConnect = null;
    assertThat(await(service.connect(HOME, password(PASSWORD), prompts)).profile())
        .isEqualTo("Home");
  }

  @Test
  void aSystemStepFailureNamesTheStep() throws Exception {
    tunnels.failConnect = TunnelException.system(FailureStep.SET_DNS, "resolvectl failed", null);
    TunnelServiceException e = failure(service.connect(OFFICE, password(PASSWORD), prompts));
    assertThat(e.failure().step()).isEqualTo("SET_DNS");
    assertThat(e.failure().code()).isEqualTo("SYSTEM_CONFIG_FAILED");
    assertThat(e.failure().message()).isEqualTo("resolvectl failed");
  }

  @Test
  void disconnectTakesTheTunnelDownAndWipesTheSecret() throws Exception {
    await(service.connect(OFFICE, password(PASSWORD), prompts));
    await(service.disconnect());

    assertThat(tunnels.last.closed).isTrue();
    assertThat(stateNames()).containsExactly(TunnelState.CONNECTING, TunnelState.CONNECTED,
        TunnelState.DISCONNECTING, TunnelState.DISCONNECTED);
    assertWiped(tunnels.last.credentials);
    assertThat(service.counters()).isEmpty();
    await(service.disconnect()); // nothing up: completes at once
  }

  @Test
  void disconnectCancelsAConnectInProgress() throws Exception {
    tunnels.hangUntilClosed = true;
    CompletionStage<TunnelStatus> connect = service.connect(OFFICE, password(PASSWORD), prompts);
    assertThat(tunnels.connecting.await(10, TimeUnit.SECONDS)).isTrue();

    await(service.disconnect());

    TunnelServiceException e = failure(connect);
    assertThat(e.failure().code()).isEqualTo("CANCELLED");
    assertThat(tunnels.last.closed).isTrue();
    assertThat(service.status().state()).isEqualTo(TunnelState.DISCONNECTED);
    assertThat(stateNames()).endsWith(TunnelState.DISCONNECTING, TunnelState.DISCONNECTED);
  }

  @Test
  void disconnectWhileAskingForThePasswordGivesUpThePrompt() throws Exception {
    CompletionStage<TunnelStatus> connect = service.connect(OFFICE, Credentials.none(), prompts);
    asked.get(10, TimeUnit.SECONDS);
    await(service.disconnect());

    assertThat(answer).isCancelled();
    assertThat(failure(connect).failure().code()).isEqualTo("CANCELLED");
    assertThat(service.status().state()).isEqualTo(TunnelState.DISCONNECTED);
  }

  @Test
  void aTunnelThatReconnectsIsReportedReconnectingThenConnected() throws Exception {
    await(service.connect(OFFICE, password(PASSWORD), prompts));
    ScriptedTunnels.Live t = tunnels.last;

    t.listener.onState(dev.fulmar.helper.run.TunnelState.CONNECTING, "the gateway went away");
    assertThat(service.status().state()).isEqualTo(TunnelState.RECONNECTING);
    t.listener.onState(dev.fulmar.helper.run.TunnelState.UP, "fulmar0");

    assertThat(stateNames()).containsExactly(TunnelState.CONNECTING, TunnelState.CONNECTED,
        TunnelState.RECONNECTING, TunnelState.CONNECTED);
    assertThat(service.status().session()).isNotNull();
  }

  @Test
  void aReconnectWithWaitsAndAttemptsIsOneReconnectingState() throws Exception {
    await(service.connect(OFFICE, password(PASSWORD), prompts));
    ScriptedTunnels.Live t = tunnels.last;

    t.reconnectReason = new Failure("LIVENESS", "PEER_UNREACHABLE",
        "the gateway 192.0.2.1 stopped answering", "wait", Map.of());
    t.listener.onState(dev.fulmar.helper.run.TunnelState.RECONNECTING,
        "the gateway did not answer; attempt 1 in 1.0 s");
    assertThat(service.status().failure()).as("why, for the app to show")
        .isEqualTo(t.reconnectReason);
    t.listener.onState(dev.fulmar.helper.run.TunnelState.CONNECTING, "to 192.0.2.1");
    t.listener.onState(dev.fulmar.helper.run.TunnelState.RECONNECTING,
        "the gateway did not answer; attempt 2 in 2.0 s");
    t.listener.onState(dev.fulmar.helper.run.TunnelState.CONNECTING, "to 192.0.2.1");
    assertThat(service.status().state()).isEqualTo(TunnelState.RECONNECTING);
    assertThat(service.counters()).as("traffic totals stay while reconnecting").isPresent();
    t.listener.onState(dev.fulmar.helper.run.TunnelState.UP, "fulmar0");

    assertThat(stateNames()).containsExactly(TunnelState.CONNECTING, TunnelState.CONNECTED,
        TunnelState.RECONNECTING, TunnelState.CONNECTED);
  }

  @Test
  void thePolicyDecidesOverTheProfilesKillSwitch() {
    assertThat(RealTunnels.killSwitchRule(Policy.DEFAULT))
        .isEqualTo(KillSwitchRule.PROFILE_DECIDES);
    assertThat(RealTunnels.killSwitchRule(new Policy(null, true,
        Policy.KillSwitchRule.ALWAYS_ON, false)))
        .isEqualTo(new KillSwitchRule(KillSwitchRule.Mode.ALWAYS_ON, false));
    assertThat(RealTunnels.killSwitchRule(new Policy(null, true, Policy.KillSwitchRule.OFF,
        true)).mode()).isEqualTo(KillSwitchRule.Mode.OFF);
  }

  @Test
  void aTunnelTheGatewayEndsIsAnErrorWithTheReason() throws Exception {
    await(service.connect(OFFICE, password(PASSWORD), prompts));
    tunnels.last.deletedByGateway();

    assertThat(service.status().state()).isEqualTo(TunnelState.ERROR);
    assertThat(service.status().failure().code()).isEqualTo("PEER_DELETED");
    assertWiped(tunnels.last.credentials);
    assertThat(await(service.connect(OFFICE, password(PASSWORD), prompts)).state())
        .isEqualTo(TunnelState.CONNECTED);
  }

  @Test
  void theUserNameOfTheRequestReplacesTheProfiles() throws Exception {
    await(service.connect(OFFICE, new Credentials("bob", SecretText.of("pw12".toCharArray()),
        null, null), prompts));
    assertThat(tunnels.last.profile.auth().passwordRound().orElseThrow().username())
        .isEqualTo("bob");
  }

  @Test
  void diagnoseReportsTheFailureWithoutChangingTheState() throws Exception {
    DiagnoseReport r = await(service.diagnose(OFFICE, password(PASSWORD), prompts));
    assertThat(r.success()).isFalse();
    assertThat(r.failure().step()).isEqualTo("IKE_SA_INIT");
    assertThat(r.failure().code()).isEqualTo("GATEWAY_UNREACHABLE");
    assertThat(states).isEmpty();
  }

  @Test
  void closeTakesTheTunnelDown() throws Exception {
    await(service.connect(OFFICE, password(PASSWORD), prompts));
    service.close();
    assertThat(tunnels.last.closed).isTrue();
    assertThat(service.status().state()).isEqualTo(TunnelState.DISCONNECTED);
  }

  private static void assertWiped(dev.fulmar.helper.tunnel.Credentials c) {
    assertThat(new String(c.now("again").orElseThrow())).matches("\\x00+");
  }

  private static TunnelServiceException failure(CompletionStage<?> stage) throws Exception {
    try {
      await(stage);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TunnelServiceException.class);
      return (TunnelServiceException) e.getCause();
    }
    throw new AssertionError("the stage did not fail");
  }
}
