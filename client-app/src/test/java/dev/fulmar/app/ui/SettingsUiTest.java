package dev.fulmar.app.ui;

import static dev.fulmar.app.ui.UiTesting.visible;
import static dev.fulmar.app.ui.UiTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.settings.Settings;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings are stored at once and take effect: start at login, kill switch, language. */
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {
  @TempDir static Path tmp;
  AppHarness app;

  @Start
  void start(Stage stage) throws Exception {
    app = AppHarness.start(stage, tmp.resolve(UUID.randomUUID().toString()));
    app.store.save(Profile.builder().name("Home").gateway("home.example.net")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "bob")).build());
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  void openSettings(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY);
    robot.clickOn("#tool-settings");
    waitUntil(() -> visible(robot, "#settings"));
  }

  @Test
  void changesAreStoredAtOnceAndStartAtLoginWritesTheAutostartEntry(FxRobot robot)
      throws Exception {
    app.go();
    openSettings(robot);
    robot.clickOn("#settings-start-at-login");
    robot.clickOn("#settings-connect-on-start");
    robot.clickOn("#settings-kill-switch");
    robot.clickOn("#settings-allow-lan");
    @SuppressWarnings("unchecked")
    ComboBox<Settings.Theme> theme = robot.lookup("#settings-theme").queryAs(ComboBox.class);
    robot.interact(() -> theme.setValue(Settings.Theme.DARK));
    Path desktop = app.dir.resolve("config/autostart/dev.fulmar.app.desktop");
    waitUntil(() -> Files.exists(desktop) && app.settings.load().theme() == Settings.Theme.DARK);
    Settings s = app.settings.load();
    assertThat(s.startAtLogin()).isTrue();
    assertThat(s.connectOnStart()).isTrue();
    assertThat(s.killSwitch()).isTrue();
    assertThat(s.allowLan()).isFalse();
    assertThat(Files.readString(desktop)).contains("Exec=/usr/bin/fulmar-app --minimized");
    robot.clickOn("#settings-start-at-login");
    waitUntil(() -> !Files.exists(desktop) && !app.settings.load().startAtLogin());
  }

  @Test
  void theKillSwitchSettingGoesOutWithTheUsersProfile(FxRobot robot) throws Exception {
    app.go();
    openSettings(robot);
    robot.clickOn("#settings-kill-switch");
    robot.clickOn("#settings-allow-lan");
    robot.clickOn("#settings-close");
    waitUntil(() -> app.settings.load().killSwitch());
    robot.clickOn("Home");
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    Connect sent = app.helper.connects().get(0);
    assertThat(sent.profile().killSwitch().enabled()).isTrue();
    assertThat(sent.profile().killSwitch().allowLan()).isFalse();
  }

  @Test
  void aPolicyThatDecidesTheKillSwitchLocksTheCheckboxesAndSaysWhy(FxRobot robot)
      throws Exception {
    app.helper.policy(new Policy(null, true, Policy.KillSwitchRule.ALWAYS_ON, false));
    app.go();
    waitUntil(() -> app.state.policyProperty().get().killSwitch()
        == Policy.KillSwitchRule.ALWAYS_ON);
    openSettings(robot);
    assertThat(robot.lookup("#settings-kill-switch").queryAs(CheckBox.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#settings-allow-lan").queryAs(CheckBox.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#settings-policy-note").queryLabeled().getText())
        .contains("turned the kill switch on for every full-tunnel connection")
        .contains("does not allow the local network");
  }

  @Test
  void choosingGermanRebuildsTheWindowInGerman(FxRobot robot) throws Exception {
    app.go();
    openSettings(robot);
    @SuppressWarnings("unchecked")
    ComboBox<String> lang = robot.lookup("#settings-language").queryAs(ComboBox.class);
    robot.interact(() -> lang.setValue("de"));
    waitUntil(() -> "de".equals(app.settings.load().language()) && visible(robot, "#settings"));
    assertThat(robot.lookup("#connect").queryButton().getText()).isEqualTo("Verbinden");
    assertThat(robot.lookup("#tool-settings").queryButton().getText()).isEqualTo("Einstellungen");
    assertThat(robot.lookup("#settings-close").queryButton().getText()).isEqualTo("Schließen");
  }

  @Test
  void connectOnStartConnectsTheLastProfileOnce(FxRobot robot) throws Exception {
    String id = app.store.list().profiles().get(0).profile().id().toString();
    app.settings.save(app.settings.load().withConnectOnStart(true).withLastProfile(id));
    app.go();
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
    assertThat(app.helper.connects()).hasSize(1);
    assertThat(robot.lookup("#headline").queryLabeled().getText()).isEqualTo("Connected to Home");
  }
}
