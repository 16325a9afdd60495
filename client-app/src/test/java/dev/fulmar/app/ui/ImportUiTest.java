package dev.fulmar.app.ui;

import static dev.fulmar.app.ui.UiTesting.resource;
import static dev.fulmar.app.ui.UiTesting.visible;
import static dev.fulmar.app.ui.UiTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.model.ProfileEdits;
import dev.fulmar.app.testing.AppHarness;
import dev.fulmar.profiles.store.StoredProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
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

/** Importing profile files: the report comes first, and only a good profile is saved. */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {
  @TempDir static Path tmp;
  AppHarness app;

  @Start
  void start(Stage stage) throws Exception {
    app = AppHarness.start(stage, tmp.resolve(UUID.randomUUID().toString())).go();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  String report(FxRobot robot) {
    return robot.from(robot.lookup("#import-report").<javafx.scene.Node>query()).lookup(".label")
        .queryAllAs(Labeled.class).stream().map(Labeled::getText)
        .collect(Collectors.joining("\n"));
  }

  List<StoredProfile> stored() throws Exception {
    return app.store.list().profiles();
  }

  @Test
  void aGoodFileShowsItsReportAndIsSavedOnlyWhenTheUserSaysSo(FxRobot robot) throws Exception {
    waitUntil(() -> app.state.availability() == Availability.READY);
    assertThat(visible(robot, "#welcome")).isTrue();
    app.files.profile(resource("branch-office.sswan"));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-save"));
    assertThat(report(robot)).contains("strongSwan profile (.sswan)").doesNotContain("Fix these");
    assertThat(robot.lookup("#import-mapped").tryQuery()).isPresent();
    assertThat(robot.lookup("#import-name").queryTextInputControl().getText())
        .isEqualTo("Branch office");
    assertThat(stored()).isEmpty();
    robot.clickOn("#import-save");
    waitUntil(() -> !visible(robot, "#import-save") && app.state.profiles().entries().size() == 1);
    assertThat(stored()).singleElement().satisfies(p ->
        assertThat(p.profile().gateway().host()).isEqualTo("gw.branch.example.org"));
    assertThat(app.state.selectedProperty().get().name()).isEqualTo("Branch office");
    assertThat(robot.lookup("#notice-text").queryLabeled().getText())
        .isEqualTo("Profile \"Branch office\" saved.");
    assertThat(visible(robot, "#welcome")).isFalse();
  }

  @Test
  void aBrokenFileSaysWhereItIsBrokenAndCannotBeSaved(FxRobot robot) throws Exception {
    app.files.profile(resource("broken.sswan"));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-dialog"));
    assertThat(robot.lookup("#import-save").tryQuery()).isEmpty();
    String text = robot.lookup("#import-dialog").queryAs(javafx.scene.control.DialogPane.class)
        .getHeaderText();
    assertThat(text).isEqualTo("Fulmar cannot import broken.sswan");
    assertThat(report(robot)).contains("Fix these before saving:");
    robot.clickOn("#import-cancel");
    waitUntil(() -> !visible(robot, "#import-dialog"));
    assertThat(stored()).isEmpty();
  }

  @Test
  void aFileThatIsNoProfileListsTheAcceptedFormats(FxRobot robot) throws Exception {
    robot.interact(() -> app.controller.importFile(tmp.resolve("x").getParent()
        .resolve(UUID.randomUUID() + ".txt")));
    waitUntil(() -> app.state.noticeProperty().get() != null);
    assertThat(robot.lookup("#notice-text").queryLabeled().getText()).startsWith("Could not read");
    app.files.profile(resource("notes.txt"));
    robot.push(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    waitUntil(() -> visible(robot, "#import-dialog"));
    assertThat(report(robot)).contains("not a profile Fulmar can import")
        .contains(".sswan").contains(".mobileconfig");
  }

  @Test
  void aMissingUserNameCanBeTypedInBeforeSaving(FxRobot robot) throws Exception {
    app.files.profile(resource("no-user.sswan"));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-save"));
    assertThat(report(robot)).contains("Fix these before saving:").contains("username");
    assertThat(robot.lookup("#import-save").queryButton().isDisabled()).isTrue();
    robot.clickOn("#import-username").write("jdoe");
    waitUntil(() -> !robot.lookup("#import-save").queryButton().isDisabled());
    assertThat(report(robot)).doesNotContain("Fix these");
    robot.clickOn("#import-save");
    waitUntil(() -> app.state.profiles().entries().size() == 1);
    assertThat(ProfileEdits.username(stored().get(0).profile())).isEqualTo("jdoe");
  }

  @Test
  void aTakenNameIsRefusedInPlaceAndARenameSaves(FxRobot robot) throws Exception {
    importAndSave(robot, "branch-office.sswan");
    app.files.profile(resource("branch-office-copy.sswan"));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-save"));
    robot.clickOn("#import-save");
    waitUntil(() -> report(robot).contains("already exists"));
    assertThat(visible(robot, "#import-dialog")).isTrue();
    robot.doubleClickOn("#import-name").push(new KeyCodeCombination(KeyCode.A,
        KeyCombination.SHORTCUT_DOWN)).write("Branch office 2");
    robot.clickOn("#import-save");
    waitUntil(() -> app.state.profiles().entries().size() == 2);
    assertThat(stored()).extracting(p -> p.profile().name())
        .containsExactlyInAnyOrder("Branch office", "Branch office 2");
  }

  @Test
  void reimportingTheSameProfileSaysItReplacesIt(FxRobot robot) throws Exception {
    importAndSave(robot, "branch-office.sswan");
    app.files.profile(resource("branch-office.sswan"));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-save"));
    assertThat(report(robot)).contains("replaces your profile \"Branch office\"");
  }

  private void importAndSave(FxRobot robot, String file) throws Exception {
    int before = app.state.profiles().entries().size();
    app.files.profile(resource(file));
    robot.clickOn("#tool-import");
    waitUntil(() -> visible(robot, "#import-save"));
    robot.clickOn("#import-save");
    waitUntil(() -> app.state.profiles().entries().size() == before + 1
        && !visible(robot, "#import-dialog"));
  }

  @Test
  void aProfileFileGivenOnTheCommandLineOpensTheSameReport(FxRobot robot) throws Exception {
    robot.interact(() -> {
      try {
        app.controller.importFile(resource("branch-office.sswan"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    waitUntil(() -> visible(robot, "#import-save"));
    robot.clickOn("#import-cancel");
    waitUntil(() -> !visible(robot, "#import-dialog"));
    assertThat(stored()).isEmpty();
  }

  @Test
  void aDamagedProfileFileInTheStoreIsNamedNotHidden(FxRobot robot) throws Exception {
    Path dir = java.nio.file.Files.createDirectories(app.store.paths().userDir());
    java.nio.file.Files.writeString(dir.resolve("3f2a0c1e-0000-4000-8000-000000000009.vpn"),
        "{ \"format\": \"fulmar-profile\", \"version\": 1, \"name\": ");
    robot.interact(() -> app.controller.refreshProfiles());
    waitUntil(() -> !app.state.profiles().broken().isEmpty());
    assertThat(robot.from(robot.lookup("#broken-profiles").<javafx.scene.Node>query())
        .lookup(".label").queryLabeled().getText())
        .startsWith("Could not load 3f2a0c1e-0000-4000-8000-000000000009.vpn:");
  }

  @Test
  void deletingAsksFirstAndRemovesTheProfileAndItsSecrets(FxRobot robot) throws Exception {
    importAndSave(robot, "branch-office.sswan");
    UUID id = stored().get(0).profile().id();
    app.secrets.put(id, dev.fulmar.profiles.secrets.SecretKind.EAP_PASSWORD, "pw".toCharArray());
    robot.clickOn("Branch office");
    robot.clickOn("#delete");
    waitUntil(() -> visible(robot, "#confirm-yes"));
    robot.clickOn("#confirm-yes");
    waitUntil(() -> app.state.profiles().entries().isEmpty());
    assertThat(stored()).isEmpty();
    assertThat(app.secrets.size()).isZero();
  }
}
