package dev.fulmar.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.app.testing.ScriptedHelper;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretKind;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Connecting the way a user does: pick a profile, press Connect, answer the prompt. */
@ExtendWith(ApplicationExtension.class)
class ConnectUiTest {
  static final UUID OFFICE = UUID.fromString("11111111-2222-4333-8444-555555555555");
  @TempDir static Path tmp;
  AppHarness app;

  @Start
  void start(Stage stage) throws Exception {
    app = AppHarness.start(stage, tmp.resolve(UUID.randomUUID().toString()));
    app.store.save(Profile.builder().id(OFFICE).name("Office").gateway("vpn.example.net")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "alice"))
        .build());
    app.helper.profiles(new ProfileSummary("99999999-2222-4333-8444-555555555555", "Corporate",
        ProfileSummary.Source.SYSTEM, "corp.example.com", "certificate"));
    app.go();
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
        && app.state.profiles().entries().size() == 2);
  }

  @Test
  void systemProfilesComeFirstAndAreMarkedReadOnly(FxRobot robot) throws Exception {
    ready();
    ListView<?> list = robot.lookup("#profiles").queryAs(ListView.class);
    assertThat(list.getItems()).hasSize(2);
    assertThat(app.state.profiles().entries().get(0).system()).isTrue();
    assertThat(robot.lookup("System").tryQuery()).isPresent();
    robot.clickOn("Corporate");
    assertThat(robot.lookup("#delete").queryButton().isDisabled()).isTrue();
    robot.clickOn("Office");
    assertThat(robot.lookup("#delete").queryButton().isDisabled()).isFalse();
  }

  @Test
  void connectsAfterThePasswordPromptAndRemembersItOnlyOnceConnected(FxRobot robot)
      throws Exception {
    app.helper.onConnect(ScriptedHelper.prompt(PromptKind.EAP_CREDENTIALS));
    ready();
    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(() -> robot.lookup("#prompt-password").tryQuery().isPresent());
    assertThat(robot.lookup("#prompt-username").queryTextInputControl().getText())
        .isEqualTo("alice");
    assertThat(robot.lookup(".label").queryAll().stream().map(n -> ((Label) n).getText())
        .anyMatch(t -> t.contains("vpn.example.net (authenticated)"))).isTrue();
    assertThat(app.state.tunnel().state()).isEqualTo(TunnelState.CONNECTING);
    robot.clickOn("#prompt-password").write("s3cret!");
    robot.clickOn("#prompt-remember");
    robot.clickOn("#prompt-ok");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED
        && robot.lookup("#status-vip").tryQuery().isPresent());
    assertThat(app.helper.answers()).hasSize(1);
    assertThat(new String(app.helper.answers().get(0).secret().chars())).isEqualTo("s3cret!");
    assertThat(robot.lookup("#headline").queryLabeled().getText())
        .isEqualTo("Connected to Office");
    assertThat(robot.lookup("#connect").queryButton().getText()).isEqualTo("Disconnect");
    assertThat(robot.lookup("#status-vip").queryLabeled().getText()).isEqualTo("10.8.0.2");
    assertThat(robot.lookup("#status-routing").queryLabeled().getText()).contains("full tunnel");
    assertThat(robot.lookup("#status-dns").queryLabeled().getText())
        .contains("10.8.0.1").contains("corp.example");
    assertThat(robot.lookup("#status-elapsed").queryLabeled().getText()).isEqualTo("0:01:05");
    waitUntil(() -> app.secrets.size() == 1);
    char[] kept = app.secrets.get(OFFICE, SecretKind.EAP_PASSWORD).orElseThrow();
    assertThat(new String(kept)).isEqualTo("s3cret!");
  }

  @Test
  void statsEventsMoveTheTrafficFiguresAndTheGraph(FxRobot robot) throws Exception {
    ready();
    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    app.helper.stats(1_500_000, 20_000, 250_000, 4_000);
    app.helper.stats(2_000_000, 25_000, 500_000, 5_000);
    waitUntil(() -> app.state.tunnel().history().size() == 2);
    assertThat(robot.lookup("#status-traffic").queryLabeled().getText())
        .contains("2.0\u00a0MB").contains("25\u00a0kB");
    assertThat(robot.lookup("#rate-graph").query().getAccessibleText())
        .contains("500\u00a0kB/s").contains("5.0\u00a0kB/s");
  }

  @Test
  void cancellingThePromptEndsTheAttemptQuietly(FxRobot robot) throws Exception {
    app.helper.onConnect(ScriptedHelper.prompt(PromptKind.EAP_CREDENTIALS));
    ready();
    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(() -> robot.lookup("#prompt-cancel").tryQuery().isPresent());
    robot.clickOn("#prompt-cancel");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.ERROR);
    assertThat(app.helper.answers()).singleElement()
        .satisfies(a -> assertThat(a.cancel()).isTrue());
    assertThat(robot.lookup("#failure").query().getStyleClass()).contains("mild");
    assertThat(robot.lookup("#failure-reason").queryLabeled().getText())
        .isEqualTo("The connection was cancelled.");
    assertThat(robot.lookup("#connect").queryButton().getText()).isEqualTo("Connect");
    assertThat(app.secrets.size()).isZero();
  }

  @Test
  void aPromptTheHelperGaveUpOnClosesWithoutAnAnswer(FxRobot robot) throws Exception {
    java.util.concurrent.CountDownLatch giveUp = new java.util.concurrent.CountDownLatch(1);
    app.helper.onConnect((c, s, h) -> {
      h.state(new dev.fulmar.control.message.TunnelStatus(TunnelState.CONNECTING, "Office",
          "vpn.example.net", 0, null, null));
      s.push(new dev.fulmar.control.message.PromptEvent("p9", PromptKind.EAP_CREDENTIALS,
          "Office", "alice", "the gateway vpn.example.net (authenticated)", null));
      giveUp.await(30, java.util.concurrent.TimeUnit.SECONDS); // as when the prompt times out
      return h.fail(c, "IKE_AUTH", "CREDENTIALS_MISSING", java.util.Map.of("what", "password"));
    });
    ready();
    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(() -> robot.lookup("#prompt-password").tryQuery().isPresent());
    giveUp.countDown();
    waitUntil(() -> robot.lookup("#prompt-password").tryQuery().isEmpty());
    assertThat(robot.lookup("#failure-reason").queryLabeled().getText())
        .isEqualTo("No password was given.");
    assertThat(app.helper.fake().received()).noneMatch(
        r -> r instanceof dev.fulmar.control.message.AnswerPrompt);
  }

  @Test
  void aRememberedPasswordIsSentAndForgottenWhenTheGatewayRejectsIt(FxRobot robot)
      throws Exception {
    app.secrets.put(OFFICE, SecretKind.EAP_PASSWORD, "old".toCharArray());
    app.helper.onConnect(ScriptedHelper.failing("IKE_AUTH", "USER_AUTH_FAILED", java.util.Map.of()));
    ready();
    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.ERROR && app.secrets.size() == 0);
    Connect sent = app.helper.connects().get(0);
    assertThat(new String(sent.credentials().eapPassword().chars())).isEqualTo("old");
    assertThat(sent.profile().name()).isEqualTo("Office");
    waitUntil(() -> robot.lookup("#notice-text").tryQuery().isPresent()
        && robot.lookup("#notice-text").queryLabeled().isVisible());
    assertThat(robot.lookup("#notice-text").queryLabeled().getText()).contains("forgotten");
  }

  @Test
  void keyboardOnlyConnectAndDisconnect(FxRobot robot) throws Exception {
    ready();
    javafx.scene.Node list = robot.lookup("#profiles").query();
    for (int i = 0; i < 12 && !list.isFocused(); i++) {
      robot.type(KeyCode.TAB);
    }
    assertThat(list.isFocused()).as("Tab reaches the profile list").isTrue();
    robot.type(KeyCode.HOME);
    robot.type(KeyCode.DOWN);
    assertThat(app.state.selectedProperty().get().name()).isEqualTo("Office");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    assertThat(app.helper.connects()).hasSize(1);
    Button b = robot.lookup("#connect").queryButton();
    assertThat(b.getText()).isEqualTo("Disconnect");
    assertThat(b.getAccessibleText()).isEqualTo("Disconnect from Office");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> app.state.tunnel().state() == TunnelState.DISCONNECTED);
    assertThat(b.getText()).isEqualTo("Connect");
  }

  @Test
  void aCertificatePromptNamesTheFileAndAMissingFileIsChosenFirst(FxRobot robot)
      throws Exception {
    java.nio.file.Path p12 = java.nio.file.Files.write(tmp.resolve(UUID.randomUUID() + ".p12"),
        new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});
    UUID id = UUID.randomUUID();
    app.store.save(Profile.builder().id(id).name("Lab").gateway("lab.example.net")
        .auth(new Authentication.Certificate(new dev.fulmar.profiles.model.Pkcs12.FileRef(
            tmp.resolve("moved-away.p12").toString()))).build());
    robot.interact(() -> app.controller.refreshProfiles());
    var answer = new java.util.concurrent.atomic.AtomicReference<String>();
    app.helper.onConnect((c, s, h) -> {
      h.state(new dev.fulmar.control.message.TunnelStatus(TunnelState.CONNECTING, "Lab",
          "lab.example.net", 0, null, null));
      s.push(new dev.fulmar.control.message.PromptEvent("p1", PromptKind.PKCS12_PASSWORD, "Lab",
          null, "the PKCS#12 file " + p12, null));
      var a = s.awaitAnswer("p1", java.time.Duration.ofSeconds(30));
      answer.set(a == null || a.cancel() ? "" : new String(a.secret().chars()));
      return h.fail(c, "IKE_AUTH", "CERTIFICATE_AUTH_FAILED", java.util.Map.of("detail", "x"));
    });
    waitUntil(() -> app.state.profiles().entries().size() == 3);
    app.files.certificate(p12);
    robot.clickOn("Lab");
    robot.clickOn("#connect");
    waitUntil(() -> robot.lookup("#confirm-yes").tryQuery().isPresent());
    assertThat(robot.lookup("#confirm").queryAs(javafx.scene.control.DialogPane.class)
        .getContentText()).contains("moved-away.p12")
        .contains(".p12 or .pfx");
    robot.clickOn("#confirm-yes");
    waitUntil(() -> robot.lookup("#prompt-password").tryQuery().isPresent());
    assertThat(robot.lookup("#prompt-username").tryQuery()).isEmpty();
    assertThat(robot.lookup(".label").queryAll().stream().map(n -> ((Label) n).getText())
        .anyMatch(t -> t.equals("Asked for by: the PKCS#12 file " + p12))).isTrue();
    robot.clickOn("#prompt-password").write("p12pass");
    robot.clickOn("#prompt-ok");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.ERROR);
    assertThat(answer.get()).isEqualTo("p12pass");
    Connect sent = app.helper.connects().get(0);
    // The helper refuses file references from operators: the app sends the chosen file's bytes.
    assertThat(((Authentication.Certificate) sent.profile().auth()).certificate())
        .isEqualTo(new dev.fulmar.profiles.model.Pkcs12.Embedded(
            dev.fulmar.profiles.model.Bytes.of(java.nio.file.Files.readAllBytes(p12))));
    waitUntil(() -> {
      try {
        return app.store.findById(id).map(p -> dev.fulmar.app.model.ProfileEdits
            .missingCertificate(p.profile()).isEmpty()).orElse(false);
      } catch (dev.fulmar.profiles.store.StoreException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void systemProfilesConnectByName(FxRobot robot) throws Exception {
    ready();
    robot.clickOn("Corporate");
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    Connect sent = app.helper.connects().get(0);
    assertThat(sent.profileName()).isEqualTo("Corporate");
    assertThat(sent.profile()).isNull();
  }
}
