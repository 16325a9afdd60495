package dev.fulmar.app.ui;

import static dev.fulmar.app.ui.UiTesting.clipboard;
import static dev.fulmar.app.ui.UiTesting.visible;
import static dev.fulmar.app.ui.UiTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log view: history and live lines, level and text filter, copy, diagnostics bundle. */
@ExtendWith(ApplicationExtension.class)
class LogsUiTest {
  @TempDir static Path tmp;
  AppHarness app;

  @Start
  void start(Stage stage) throws Exception {
    app = AppHarness.start(stage, tmp.resolve(UUID.randomUUID().toString()));
    app.helper.log(LogLevel.INFO, "control", "helper started");
    app.helper.log(LogLevel.DEBUG, "ike[office/5f1c]", "sending IKE_SA_INIT request 0");
    app.helper.log(LogLevel.WARN, "dns", "systemd-resolved not found; writing resolv.conf");
    app.go();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  @SuppressWarnings("unchecked")
  ListView<LogLine> lines(FxRobot robot) {
    return robot.lookup("#log-lines").queryAs(ListView.class);
  }

  @Test
  void showsHistoryAndLiveLinesFilteredByLevelAndText(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY
        && app.state.logs().lines().size() == 3);
    robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
    waitUntil(() -> visible(robot, "#log-lines"));
    assertThat(lines(robot).getItems()).extracting(LogLine::message)
        .containsExactly("helper started", "systemd-resolved not found; writing resolv.conf");
    app.helper.log(LogLevel.ERROR, "ike[office/5f1c]", "AUTHENTICATION_FAILED from gateway");
    waitUntil(() -> lines(robot).getItems().size() == 3);
    @SuppressWarnings("unchecked")
    ComboBox<LogLevel> level = robot.lookup("#log-level").queryAs(ComboBox.class);
    robot.interact(() -> level.setValue(LogLevel.DEBUG));
    assertThat(lines(robot).getItems()).hasSize(4);
    robot.interact(() -> level.setValue(LogLevel.ERROR));
    assertThat(lines(robot).getItems()).extracting(LogLine::message)
        .containsExactly("AUTHENTICATION_FAILED from gateway");
    robot.interact(() -> level.setValue(LogLevel.DEBUG));
    robot.clickOn("#log-filter").write("ike[");
    assertThat(lines(robot).getItems()).hasSize(2);
  }

  @Test
  void copiesWhatIsShownOrTheSelection(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.logs().lines().size() == 3);
    robot.clickOn("#tool-logs");
    waitUntil(() -> visible(robot, "#log-copy"));
    robot.clickOn("#log-copy");
    String all = clipboard(robot);
    assertThat(all.lines()).hasSize(2);
    assertThat(all).contains("INFO  control: helper started")
        .contains("WARN  dns: systemd-resolved not found");
    robot.clickOn(robot.lookup(".log-line").nth(0).<javafx.scene.Node>query());
    robot.push(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
    assertThat(clipboard(robot).lines()).singleElement().asString().endsWith("helper started");
  }

  @Test
  void savesTheHelpersDiagnosticsBundle(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY);
    Path target = app.dir.resolve("out/diag.zip");
    app.files.diagnostics(target);
    robot.clickOn("#tool-logs");
    waitUntil(() -> visible(robot, "#save-diagnostics"));
    robot.clickOn("#save-diagnostics");
    waitUntil(() -> Files.exists(target) && app.state.noticeProperty().get() != null);
    assertThat(Files.readAllBytes(target)).startsWith('P', 'K', 5, 6);
    assertThat(app.state.noticeProperty().get().key()).isEqualTo("logs.bundle.saved");
  }
}
