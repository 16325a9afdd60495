package dev.fulmar.app.ui;

import static dev.fulmar.app.ui.UiTesting.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.app.testing.ScriptedHelper;
import dev.fulmar.app.tray.TrayIconState;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** How failures read: each failing step, reconnecting, and a helper the app cannot use. */
@ExtendWith(ApplicationExtension.class)
class FailureUiTest {
  @TempDir static Path tmp;
  AppHarness app;

  /** One failure as the helper reports it and what the user must read. */
  record Case(String step, String code, Map<String, String> details, String reasonHas,
      String fixHas) {}

  static final String FINGERPRINT =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static final List<Case> CASES = List.of(
      new Case("PREPARE", "CREDENTIALS_MISSING", Map.of("what", "password"),
          "No password was given", "Enter it"),
      new Case("RESOLVE_GATEWAY", "GATEWAY_NOT_FOUND",
          Map.of("gateway", "vpn.example.net", "cause", "NXDOMAIN"),
          "vpn.example.net could not be found (NXDOMAIN)", "DNS"),
      new Case("OPEN_SOCKET", "SOCKET_FAILED", Map.of("local", "0.0.0.0:500",
          "cause", "address in use"), "0.0.0.0:500", "Another VPN program"),
      new Case("IKE_SA_INIT", "GATEWAY_UNREACHABLE", Map.of("gateway", "vpn.example.net",
          "exchange", "IKE_SA_INIT", "attempts", "5", "seconds", "30"),
          "did not answer (5 attempts in 30 s)", "UDP ports 500 and 4500"),
      new Case("IKE_SA_INIT", "NO_PROPOSAL_CHOSEN", Map.of("offered",
          "aes256gcm16-prfsha384-ecp384", "notify", "NO_PROPOSAL_CHOSEN (14)"),
          "aes256gcm16-prfsha384-ecp384", "which algorithms"),
      new Case("IKE_INTERMEDIATE", "PEER_ERROR", Map.of("exchange", "IKE_INTERMEDIATE",
          "notify", "INVALID_KE_PAYLOAD (17)"), "INVALID_KE_PAYLOAD (17)", "gateway's log"),
      new Case("IKE_AUTH", "GATEWAY_IDENTITY_MISMATCH", Map.of("names",
          "vpn.example.org, vpn2.example.org", "expected", "203.0.113.5"),
          "is for vpn.example.org, vpn2.example.org, but the profile connects to 203.0.113.5",
          "impersonating"),
      new Case("IKE_AUTH", "GATEWAY_CERT_UNTRUSTED", Map.of("subject", "CN=vpn.example.net",
          "issuer", "CN=Example Private CA", "fingerprint", FINGERPRINT,
          "chain", "CN=vpn.example.net\n  issued by CN=Example Private CA (not trusted)"),
          "(CN=vpn.example.net, issued by CN=Example Private CA)", "fingerprint"),
      new Case("IKE_AUTH", "USER_AUTH_FAILED", Map.of("notify", "AUTHENTICATION_FAILED (24)"),
          "rejected the user name or password", "locked or expired"),
      new Case("CHILD_SA", "TRAFFIC_SELECTORS_UNACCEPTABLE", Map.of("requested",
          "0.0.0.0/0", "notify", "TS_UNACCEPTABLE (38)"), "(0.0.0.0/0)", "split and full"),
      new Case("ESTABLISHED", "PEER_DELETED", Map.of(), "closed the connection", "Connect again"),
      new Case("CREATE_ADAPTER", "INTERNAL_ERROR", Map.of("detail", "/dev/net/tun: no such"
          + " device"), "(/dev/net/tun: no such device)", "Save diagnostics"),
      new Case("SET_ROUTES", "ROUTES_FAILED", Map.of("detail", "RTNETLINK: File exists"),
          "English reason from the helper for ROUTES_FAILED", "English fix from the helper"),
      new Case("SET_DNS", "DNS_FAILED", Map.of(), "English reason from the helper for DNS_FAILED",
          "English fix"),
      new Case("KILL_SWITCH", "KILL_SWITCH_FAILED", Map.of("detail", "nft: table exists"),
          "English reason from the helper for KILL_SWITCH_FAILED", "English fix"));

  @Start
  void start(Stage stage) throws Exception {
    app = AppHarness.start(stage, tmp.resolve(UUID.randomUUID().toString()));
    app.helper.profiles(new ProfileSummary("99999999-2222-4333-8444-555555555555", "Office",
        ProfileSummary.Source.SYSTEM, "vpn.example.net", "eap-mschapv2"));
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  static void waitUntil(BooleanSupplier c) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, c::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void ready() throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY && app.state.tunnel().isKnown()
        && app.state.selectedProperty().get() != null);
  }

  static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Labeled.class).getText();
  }

  static String details(FxRobot robot) {
    Node grid = robot.lookup("#failure-details").query();
    return robot.from(grid).lookup(".label").queryAllAs(Labeled.class).stream()
        .map(Labeled::getText).collect(Collectors.joining("\n"));
  }

  @Test
  void everyFailingStepReadsInPlainWordsWithItsFixAndDetails(FxRobot robot) throws Exception {
    app.go();
    ready();
    SoftAssertions soft = new SoftAssertions();
    for (Case c : CASES) {
      app.helper.onConnect(ScriptedHelper.failing(c.step(), c.code(), c.details()));
      int before = app.helper.connects().size();
      robot.clickOn("#connect");
      waitUntil(() -> app.helper.connects().size() == before + 1
          && app.state.tunnel().state() == TunnelState.ERROR
          && app.state.tunnel().status().failure().code().equals(c.code())
          && visible(robot, "#failure"));
      String what = c.step() + "/" + c.code();
      soft.assertThat(text(robot, "#headline")).as(what).isEqualTo("Could not connect to Office");
      soft.assertThat(text(robot, "#subline")).as(what)
          .isEqualTo("Failed while: " + new FailureTexts(app.messages()).step(c.step()));
      soft.assertThat(text(robot, "#failure-reason")).as(what).contains(c.reasonHas());
      soft.assertThat(text(robot, "#failure-fix")).as(what).contains(c.fixHas());
      String d = details(robot);
      soft.assertThat(d).as(what).contains("(" + c.step() + ")").contains(c.code());
      c.details().forEach((k, v) -> soft.assertThat(d).as(what + " " + k)
          .contains(k.equals("fingerprint") ? "9F:86:D0:81" : v.lines().findFirst().get()));
      soft.assertThat(TrayIconState.of(app.state.availability(), true,
          app.state.tunnel().state())).isEqualTo(TrayIconState.ERROR);
    }
    soft.assertAll();
  }

  @Test
  void untrustedCertificateShowsTheChainAndTheFingerprintInTheFold(FxRobot robot)
      throws Exception {
    Case c = CASES.stream().filter(x -> x.code().equals("GATEWAY_CERT_UNTRUSTED")).findFirst()
        .orElseThrow();
    app.helper.onConnect(ScriptedHelper.failing(c.step(), c.code(), c.details()));
    app.go();
    ready();
    robot.clickOn("#connect");
    waitUntil(() -> visible(robot, "#failure-details-fold"));
    robot.clickOn("Details");
    waitUntil(() -> visible(robot, "#copy-failure"));
    String d = details(robot);
    assertThat(d).contains("SHA-256 fingerprint").contains(
        "9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15\n"
        + "A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08");
    assertThat(d).contains("Certificate chain").contains("issued by CN=Example Private CA");
    robot.clickOn("#copy-failure");
    WaitForAsyncUtils.waitForFxEvents();
    String[] clip = new String[1];
    robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(clip[0]).startsWith("Could not connect to Office").contains("GATEWAY_CERT_UNTRUSTED")
        .contains("9F:86:D0:81");
  }

  @Test
  void reconnectingSaysWhyAndKeepsTheGraph(FxRobot robot) throws Exception {
    app.go();
    ready();
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    app.helper.stats(1000, 1000, 800, 200);
    TunnelStatus up = app.helper.status();
    app.helper.state(new TunnelStatus(TunnelState.RECONNECTING, "Office", "vpn.example.net",
        up.sinceMillis(), new Failure("ESTABLISHED", "GATEWAY_UNREACHABLE",
            "the gateway stopped answering", "", Map.of("gateway", "vpn.example.net",
                "exchange", "INFORMATIONAL", "attempts", "3", "seconds", "10")), null));
    waitUntil(() -> app.state.tunnel().state() == TunnelState.RECONNECTING);
    assertThat(text(robot, "#headline")).isEqualTo("Reconnecting to Office…");
    assertThat(text(robot, "#subline")).contains("was interrupted")
        .contains("did not answer (3 attempts in 10 s)").contains("no need to do anything");
    assertThat(text(robot, "#connect")).isEqualTo("Cancel");
    assertThat(visible(robot, "#failure")).isFalse();
    assertThat(TrayIconState.of(app.state.availability(), true, TunnelState.RECONNECTING))
        .isEqualTo(TrayIconState.CONNECTING);
    app.helper.state(up);
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    assertThat(app.state.tunnel().history().size()).isEqualTo(1);
    assertThat(visible(robot, "#status-card")).isTrue();
  }

  @Test
  void helperNotRunningSaysHowToStartItAndRecovers(FxRobot robot) throws Exception {
    app.helper.close();
    app.go();
    waitUntil(() -> app.state.availability() == Availability.NOT_RUNNING
        && visible(robot, "#helper-title"));
    assertThat(text(robot, "#helper-title")).isEqualTo("The Fulmar helper is not running");
    assertThat(robot.lookup("#helper-command").queryTextInputControl().getText())
        .isEqualTo("sudo systemctl start fulmard");
    assertThat(robot.lookup("#connect").queryButton().isDisabled()).isTrue();
    javafx.scene.control.Button retry = robot.lookup("#retry-helper").queryButton();
    try (ScriptedHelper again = ScriptedHelper.start(app.helper.socket().getParent())) {
      robot.interact(retry::fire); // the automatic retry may win the race; either is fine
      waitUntil(() -> app.state.availability() == Availability.READY);
      assertThat(visible(robot, "#helper-problem")).isFalse();
    }
  }

  @Test
  void notPermittedNamesTheGroupAndTheCommand(FxRobot robot) throws Exception {
    app.helper.fake().refuseAll("You may not use the Fulmar helper");
    app.go();
    waitUntil(() -> app.state.availability() == Availability.NOT_PERMITTED
        && visible(robot, "#helper-title"));
    assertThat(text(robot, "#helper-title")).isEqualTo("Your account may not use the VPN");
    String user = System.getProperty("user.name");
    assertThat(text(robot, "#helper-text")).contains("\"fulmar\"").contains(user);
    assertThat(robot.lookup("#helper-command").queryTextInputControl().getText())
        .isEqualTo("sudo usermod -aG fulmar " + user);
  }
}
