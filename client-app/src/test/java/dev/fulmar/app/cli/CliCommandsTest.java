package dev.fulmar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Disconnect;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.GetBundle;
import dev.fulmar.control.message.GetLogs;
import dev.fulmar.control.message.ListProfiles;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.LogLines;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.ProfileList;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.StatusRequest;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command against a scripted helper: output, exit code, and --json that parses. */
class CliCommandsTest {
  private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  @TempDir Path dir;
  private CliHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new CliHarness(dir);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  static SessionDetails session() {
    return new SessionDetails("192.0.2.1:4500", "alice", "vpn.example.net", "CN=vpn",
        "EAP-MSCHAPv2", "aes256gcm16-prfsha384-ecp384", "aes256gcm16", List.of("ecp384"),
        List.of("10.8.0.2"), List.of("10.8.0.1"), List.of("corp.example"), false,
        List.of("10.0.0.0/8"), "no NAT", true, false);
  }

  static TunnelStatus connected() {
    return new TunnelStatus(TunnelState.CONNECTED, "Office", "vpn.example.net", T0, null,
        session());
  }

  static Failure authFailure() {
    return new Failure("IKE_AUTH", "USER_AUTH_FAILED",
        "the gateway rejected the user name or password", "check the user name and password",
        Map.of("notify", "AUTHENTICATION_FAILED"));
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    assertThat(h.run("--help")).isZero();
    for (String c : List.of("connect", "disconnect", "status", "list", "import", "export",
        "logs", "diagnose", "bundle", "completion")) {
      assertThat(h.out).contains(c);
    }
    assertThat(h.out).contains("Exit codes:").contains("helper (fulmard) is not running");
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    assertThat(h.run("connect")).isEqualTo(2);
    assertThat(h.err).contains("PROFILE|NAME");
  }

  @Test
  void statusReadsAtAGlance() {
    h.helper.on(StatusRequest.class, (r, s) -> new StatusReport(connected(),
        new Stats(T0, 123_456, 65_432, 300, 200, 2048, 1024)));
    assertThat(h.run("status")).isZero();
    assertThat(h.out).startsWith("Office: connected since 00:00:00 (10 min)")
        .contains("address       10.8.0.2").contains("split: 10.0.0.0/8")
        .contains("IKE           aes256gcm16-prfsha384-ecp384")
        .contains("in 120.6 KiB (2.0 KiB/s)");
  }

  @Test
  void statusJsonParses() throws Exception {
    h.helper.on(StatusRequest.class, (r, s) -> new StatusReport(connected(), null));
    assertThat(h.run("status", "--json")).isZero();
    JsonNode n = h.jsonLines().get(0);
    assertThat(n.get("ok").asBoolean()).isTrue();
    assertThat(n.at("/status/state").asText()).isEqualTo("CONNECTED");
    assertThat(n.at("/status/session/virtualAddresses/0").asText()).isEqualTo("10.8.0.2");
  }

  @Test
  void aMissingHelperIsReportedWithHowToStartIt() throws Exception {
    h.helper.close();
    assertThat(h.run("status")).isEqualTo(3);
    assertThat(h.err).contains("not running").contains("systemctl start fulmard");
    assertThat(h.run("status", "--json")).isEqualTo(3);
    assertThat(h.jsonLines().get(0).at("/error/code").asText()).isEqualTo("HELPER_NOT_RUNNING");
  }

  @Test
  void theSocketCanBeChosenOnTheCommandLine() {
    h.helper.on(StatusRequest.class, (r, s) -> new StatusReport(connected(), null));
    assertThat(h.run("--socket", dir.resolve("elsewhere.sock").toString(), "status"))
        .isEqualTo(3);
    assertThat(h.err).contains("elsewhere.sock");
    assertThat(h.run("status", "--socket", h.helper.socket().toString())).isZero();
  }

  @Test
  void withoutACommandTheUsageIsAUsageError() {
    assertThat(h.run()).isEqualTo(2);
    assertThat(h.err).contains("Usage: fulmar");
  }

  @Test
  void aRefusedUserGetsExitFour() {
    h.helper.refuseAll("user bob (uid 1001) may not use the Fulmar helper: only root and "
        + "members of group 'fulmar' may");
    assertThat(h.run("disconnect")).isEqualTo(4);
    assertThat(h.err).contains("group 'fulmar'");
  }

  @Test
  void connectSendsThePasswordFromStdinAndReportsTheTunnel() {
    h.helper.on(ListProfiles.class, (r, s) -> new ProfileList(List.of(new ProfileSummary(
        "id", "Office", ProfileSummary.Source.SYSTEM, "vpn.example.net", "eap-mschapv2"))));
    h.helper.on(Connect.class, (c, s) -> c.credentials().eapPassword() != null
        && new String(c.credentials().eapPassword().chars()).equals("pw from stdin")
        ? new StatusReport(connected(), null) : ErrorReply.of(ErrorCode.INTERNAL, "no pw"));
    h.stdin = "pw from stdin\nsecond line ignored\n";
    assertThat(h.run("connect", "Office", "--password-stdin")).isZero();
    assertThat(h.out).startsWith("Connected.").contains("Office: connected");
    assertThat(h.out + h.err).doesNotContain("pw from stdin");
  }

  @Test
  void connectWithAProfileFileSendsTheProfile() throws Exception {
    Path f = h.file("office.vpn", CliHarness.OFFICE_VPN);
    h.helper.on(Connect.class, (c, s) -> c.profile() != null
        && c.profile().name().equals("Office") ? new StatusReport(connected(), null)
        : ErrorReply.of(ErrorCode.INTERNAL, "no profile"));
    h.stdin = "pw\n";
    assertThat(h.run("connect", f.getFileName().toString(), "--password-stdin")).isZero();
  }

  @Test
  void withoutATerminalOrStdinAPromptIsRefusedAndTheUserToldWhatToPass() {
    h.helper.on(Connect.class, (c, s) -> {
      s.push(new PromptEvent("p1", PromptKind.EAP_CREDENTIALS, "Office", "alice", "gateway",
          null));
      AnswerPrompt a = s.awaitAnswer("p1", Duration.ofSeconds(10));
      return a != null && a.cancel() ? new ErrorReply(ErrorCode.CONNECT_FAILED, "cancelled",
          new Failure("IKE_AUTH", "CANCELLED", "the connection was cancelled", "", Map.of()),
          List.of()) : new StatusReport(connected(), null);
    });
    assertThat(h.run("connect", "Office")).isEqualTo(8);
    assertThat(h.err).contains("needs a password").contains("--password-stdin");
  }

  @Test
  void atATerminalThePromptIsAnswered() {
    h.terminal = new Terminal() {
      @Override
      public String readLine(String prompt) {
        return "alice";
      }

      @Override
      public char[] readPassword(String prompt) {
        return "typed".toCharArray();
      }
    };
    h.helper.on(Connect.class, (c, s) -> {
      s.push(new PromptEvent("p1", PromptKind.EAP_CREDENTIALS, "Office", null,
          "the gateway vpn.example.net asks for your password", null));
      AnswerPrompt a = s.awaitAnswer("p1", Duration.ofSeconds(10));
      return a != null && !a.cancel() && new String(a.secret().chars()).equals("typed")
          && "alice".equals(a.username()) ? new StatusReport(connected(), null)
          : ErrorReply.of(ErrorCode.INTERNAL, "bad answer");
    });
    assertThat(h.run("connect", "Office")).isZero();
    assertThat(h.err).contains("asks for your password");
  }

  @Test
  void aFailedConnectSaysWhichStepAndWhyWithExitFive() throws Exception {
    h.helper.on(Connect.class, (c, s) -> new ErrorReply(ErrorCode.CONNECT_FAILED, "failed",
        authFailure(), List.of()));
    h.stdin = "x\n";
    assertThat(h.run("connect", "Office", "--password-stdin")).isEqualTo(5);
    assertThat(h.err).contains("failed at IKE_AUTH: the gateway rejected the user name or "
        + "password").contains("fix: check the user name").contains("AUTHENTICATION_FAILED");
    assertThat(h.run("connect", "Office", "--json")).isEqualTo(5);
    assertThat(h.jsonLines().get(0).at("/error/code").asText()).isEqualTo("CONNECT_FAILED");
  }

  @Test
  void busyAndUnknownProfilesHaveTheirOwnExitCodes() {
    h.helper.on(Connect.class, (c, s) -> c.profileName().equals("Home")
        ? ErrorReply.of(ErrorCode.BUSY, "'Office' is connected; disconnect it first")
        : ErrorReply.of(ErrorCode.UNKNOWN_PROFILE, "no profile named 'Nope'"));
    assertThat(h.run("connect", "Home")).isEqualTo(10);
    assertThat(h.run("connect", "Nope")).isEqualTo(7);
    assertThat(h.err).contains("no profile named 'Nope'");
  }

  @Test
  void disconnectSaysSo() {
    h.helper.on(Disconnect.class, (r, s) -> new Ok());
    assertThat(h.run("disconnect")).isZero();
    assertThat(h.out).isEqualTo("Disconnected.\n");
  }

  @Test
  void logsPrintsAndFollows() throws Exception {
    LogLine first = new LogLine(1, T0, LogLevel.INFO, "ike[Office]", "IKE_SA established");
    h.helper.on(GetLogs.class, (r, s) -> new LogLines(List.of(first)));
    assertThat(h.run("logs")).isZero();
    assertThat(h.out).isEqualTo("00:00:00 INFO  [ike[Office]] IKE_SA established\n");
    h.helper.on(Subscribe.class, (r, s) -> {
      s.push(new LogEvent(new LogLine(2, T0, LogLevel.WARN, "control", "second")));
      s.closeAfterReply(); // then the helper "stops"
      return new Ok();
    });
    assertThat(h.run("logs", "--follow", "--json")).isEqualTo(3);
    List<JsonNode> lines = h.jsonLines();
    assertThat(lines.get(0).get("message").asText()).isEqualTo("IKE_SA established");
    assertThat(lines.get(1).get("message").asText()).isEqualTo("second");
  }

  @Test
  void statusWatchPrintsEachChangeAsJsonLines() throws Exception {
    h.helper.on(StatusRequest.class, (r, s) -> new StatusReport(TunnelStatus.disconnected(T0),
        null));
    h.helper.on(Subscribe.class, (r, s) -> {
      s.push(new StateEvent(new TunnelStatus(TunnelState.CONNECTING, "Office", "vpn", T0, null,
          null)));
      s.push(new StateEvent(connected()));
      s.closeAfterReply();
      return new Ok();
    });
    assertThat(h.run("status", "--watch", "--json")).isEqualTo(3);
    List<JsonNode> lines = h.jsonLines();
    assertThat(lines).extracting(n -> n.at("/status/state").asText())
        .containsSubsequence("DISCONNECTED", "CONNECTING", "CONNECTED");
  }

  @Test
  void bundleIsSavedAtomicallyWhereAsked() throws Exception {
    h.helper.on(GetBundle.class, (r, s) -> new BundleData("fulmar-diagnostics-x.zip",
        new byte[] {80, 75, 5, 6, 0, 0}));
    assertThat(h.run("bundle")).isZero();
    assertThat(Files.readAllBytes(dir.resolve("fulmar-diagnostics-x.zip"))).hasSize(6);
    assertThat(h.out).contains("no passwords or keys");
    assertThat(h.run("bundle", "-o", "b.zip", "--json")).isZero();
    assertThat(h.jsonLines().get(0).get("bytes").asInt()).isEqualTo(6);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void completionPrintsABashScript() {
    assertThat(h.run("completion")).isZero();
    assertThat(h.out).contains("complete -F").contains("fulmar").contains("diagnose");
  }
}
