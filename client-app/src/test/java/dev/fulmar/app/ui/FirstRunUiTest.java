package dev.fulmar.app.ui;

import static dev.fulmar.app.ui.UiTesting.resource;
import static dev.fulmar.app.ui.UiTesting.visible;
import static dev.fulmar.app.ui.UiTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.control.message.TunnelState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A first run: no profile yet; the welcome offers import and, when set up, the demo. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {
  @TempDir static Path tmp;
  AppHarness app;
  Path demo;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = tmp.resolve(UUID.randomUUID().toString());
    demo = Files.createDirectories(dir).resolve("demo.sswan");
    Files.copy(resource("branch-office.sswan"), demo);
    app = AppHarness.start(stage, dir, Locale.ENGLISH, demo).go();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  @Test
  void theDemoButtonAddsTheDemoProfileReadyToConnect(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY && visible(robot, "#demo"));
    assertThat(robot.lookup("#connect").queryButton().isDisabled()).isTrue();
    robot.clickOn("#demo");
    waitUntil(() -> app.state.profiles().entries().size() == 1 && !visible(robot, "#welcome"));
    assertThat(app.state.selectedProperty().get().name()).isEqualTo("Branch office");
    assertThat(robot.lookup("#connect").queryButton().isDisabled()).isFalse();
    robot.clickOn("#connect");
    waitUntil(() -> app.state.tunnel().state() == TunnelState.CONNECTED);
  }

  @Test
  void aMissingDemoSaysSoWithoutAlarm(FxRobot robot) throws Exception {
    Files.delete(demo);
    waitUntil(() -> visible(robot, "#demo"));
    robot.clickOn("#demo");
    waitUntil(() -> app.state.noticeProperty().get() != null);
    assertThat(robot.lookup("#notice-text").queryLabeled().getText())
        .startsWith("The demo is not available:").contains("is the demo gateway running?");
  }
}
