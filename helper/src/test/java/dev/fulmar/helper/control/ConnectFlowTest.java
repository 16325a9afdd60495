package dev.fulmar.helper.control;

import static dev.fulmar.helper.control.ServerHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.TunnelState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connect, prompts, state events, stats and disconnect through the real socket. */
class ConnectFlowTest {
  @TempDir Path dir;
  private ServerHarness h;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    h = new ServerHarness(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private TunnelState nextState() throws InterruptedException {
    while (true) {
      Event e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("a state event").isNotNull();
      if (e instanceof StateEvent s) {
        return s.status().state();
      }
    }
  }

  @Test
  void connectsAfterAPasswordPromptAndReportsEveryState() throws Exception {
    h.tunnel.acceptPassword("s3cret");
    ControlClient[] self = new ControlClient[1];
    try (ControlClient c = h.client(Identities.ALICE, e -> {
      events.add(e);
      if (e instanceof PromptEvent p) {
        assertThat(p.kind()).isEqualTo(PromptKind.EAP_CREDENTIALS);
        assertThat(p.username()).isEqualTo("alice");
        assertThat(p.hint()).contains("vpn.example.net");
        answer(self[0], AnswerPrompt.answer(p.promptId(), null, "s3cret".toCharArray()));
      }
    })) {
      self[0] = c;
      c.subscribe(Topic.STATE);
      assertThat(nextState()).isEqualTo(TunnelState.DISCONNECTED);
      var report = c.connect(Connect.byName("Office", Credentials.none()), WAIT);
      assertThat(report.status().state()).isEqualTo(TunnelState.CONNECTED);
      assertThat(report.status().session().ikeAlgorithms()).contains("aes256gcm16");
      assertThat(nextState()).isEqualTo(TunnelState.CONNECTING);
      assertThat(nextState()).isEqualTo(TunnelState.CONNECTED);
      c.disconnect(WAIT);
      assertThat(nextState()).isEqualTo(TunnelState.DISCONNECTING);
      assertThat(nextState()).isEqualTo(TunnelState.DISCONNECTED);
      assertThat(c.status().status().state()).isEqualTo(TunnelState.DISCONNECTED);
    }
  }

  private static void answer(ControlClient c, AnswerPrompt a) {
    try {
      c.answer(a);
    } catch (ControlException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWrongPasswordFailsAtIkeAuthWithAPlainReason() throws Exception {
    h.tunnel.acceptPassword("right");
    try (ControlClient c = h.client(Identities.ALICE)) {
      assertThatThrownBy(() -> c.connect(Connect.byName("Office",
          Credentials.eapPassword("wrong".toCharArray())), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
            Failure f = e.reply().failure();
            assertThat(f.step()).isEqualTo("IKE_AUTH");
            assertThat(f.code()).isEqualTo("USER_AUTH_FAILED");
            assertThat(f.message()).contains("user name or password");
            assertThat(f.details()).containsEntry("notify", "AUTHENTICATION_FAILED");
          });
      assertThat(c.status().status().state()).isEqualTo(TunnelState.ERROR);
    }
  }

  @Test
  void cancellingThePromptCancelsTheConnect() throws Exception {
    ControlClient[] self = new ControlClient[1];
    try (ControlClient c = h.client(Identities.ALICE, e -> {
      if (e instanceof PromptEvent p) {
        answer(self[0], AnswerPrompt.cancel(p.promptId()));
      }
    })) {
      self[0] = c;
      assertThatThrownBy(() -> c.connect(Connect.byName("Office", null), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.reply().failure().code()).isEqualTo("CANCELLED"));
    }
  }

  @Test
  void aClientCannotAnswerAnotherClientsPrompt() throws Exception {
    BlockingQueue<PromptEvent> prompts = new LinkedBlockingQueue<>();
    try (ControlClient asker = h.client(Identities.ALICE, e -> {
      if (e instanceof PromptEvent p) {
        prompts.add(p);
      }
    }); ControlClient other = h.client(Identities.DAVE)) {
      Thread t = new Thread(() -> {
        try {
          asker.connect(Connect.byName("Office", null), WAIT);
        } catch (ControlException ignored) {
          // cancelled below
        }
      });
      t.start();
      PromptEvent p = prompts.poll(10, TimeUnit.SECONDS);
      assertThat(p).isNotNull();
      assertThatThrownBy(() -> other.answer(AnswerPrompt.answer(p.promptId(), null,
          "x".toCharArray()))).isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROMPT));
      other.disconnect(WAIT); // operators may stop a tunnel; this cancels the connect
      t.join(10_000);
      assertThat(t.isAlive()).isFalse();
    }
  }

  @Test
  void aSecondProfileIsRefusedWhileOneIsUp() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE)) {
      c.connect(Connect.byName("Office", Credentials.eapPassword("pw".toCharArray())), WAIT);
      assertThatThrownBy(() -> c.connect(Connect.withProfile(ServerHarness.profile(
          ServerHarness.HOME_VPN), Credentials.eapPassword("pw".toCharArray())), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY))
          .hasMessageContaining("Office");
      assertThat(c.connect(Connect.byName("Office", null), WAIT).status().state())
          .isEqualTo(TunnelState.CONNECTED);
    }
  }

  @Test
  void statsArePublishedWithPerSecondRates() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE, events::add)) {
      c.subscribe(Topic.STATS);
      c.connect(Connect.byName("Office", Credentials.eapPassword("pw".toCharArray())), WAIT);
      h.server.tickStats();
      h.tunnel.addTraffic(5000, 2000, 5, 2);
      h.clock.advance(Duration.ofSeconds(1));
      h.server.tickStats();
      StatsEvent last = null;
      for (int i = 0; i < 2; i++) {
        Event e = events.poll(10, TimeUnit.SECONDS);
        if (e instanceof StatsEvent s) {
          last = s;
        } else {
          i--;
        }
      }
      assertThat(last.stats().bytesIn()).isEqualTo(5000);
      assertThat(last.stats().rateInBytesPerSecond()).isEqualTo(5000);
      assertThat(last.stats().rateOutBytesPerSecond()).isEqualTo(2000);
      assertThat(c.status().stats().packetsIn()).isEqualTo(5);
    }
  }

  @Test
  void reconnectingCarriesTheCause() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE, events::add)) {
      c.connect(Connect.byName("Office", Credentials.eapPassword("pw".toCharArray())), WAIT);
      c.subscribe(Topic.STATE);
      assertThat(nextState()).isEqualTo(TunnelState.CONNECTED);
      h.tunnel.simulateReconnect(new Failure("ESTABLISHED", "GATEWAY_UNREACHABLE",
          "the gateway stopped answering", "", Map.of()));
      assertThat(nextState()).isEqualTo(TunnelState.RECONNECTING);
      assertThat(nextState()).isEqualTo(TunnelState.CONNECTED);
    }
  }

  @Test
  void diagnoseReportsSuccessAndFailure() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE)) {
      DiagnoseReport ok = c.diagnose(new Diagnose("Office", null, null), WAIT);
      assertThat(ok.success()).isTrue();
      assertThat(ok.negotiated().espAlgorithms()).isEqualTo("aes256gcm16");
      h.tunnel.failNextConnect(new Failure("IKE_SA_INIT", "NO_PROPOSAL_CHOSEN", "none", "",
          Map.of()));
      DiagnoseReport bad = c.diagnose(new Diagnose("Office", null, null), WAIT);
      assertThat(bad.success()).isFalse();
      assertThat(bad.failure().step()).isEqualTo("IKE_SA_INIT");
      assertThat(c.status().status().state()).isEqualTo(TunnelState.DISCONNECTED);
    }
  }
}
