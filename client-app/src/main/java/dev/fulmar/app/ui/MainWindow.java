package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import java.io.File;
import java.time.Clock;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The main window's content: a tool bar (import, logs, settings), the profile list and the status
 * pane. Profile files dropped anywhere on the window are imported. Shortcuts: Ctrl+O import,
 * Ctrl+L logs, Ctrl+, settings; Enter presses Connect/Disconnect.
 */
public final class MainWindow {
  private final Stage stage;
  private final AppState state;
  private final AppController controller;
  private final Messages m;
  private final FileDialogs files;
  private final BorderPane root = new BorderPane();
  private final StatusPane status;
  private LogsWindow logs;
  private SettingsWindow settings;

  public MainWindow(Stage stage, AppState state, AppController controller, Messages m,
      Clock clock, FileDialogs files) {
    this.stage = stage;
    this.state = state;
    this.controller = controller;
    this.m = m;
    this.files = files;
    root.getStyleClass().add("fulmar-root");
    root.setId("main");
    status = new StatusPane(state, controller, m, clock, this::openImport);
    ProfilePane profiles = new ProfilePane(state, controller, m, new Dialogs(stage, m));
    root.setTop(toolbar());
    root.setLeft(profiles);
    root.setCenter(status);
    enableDrop();
  }

  /** The window's content. */
  public Parent root() {
    return root;
  }

  /** Registers the keyboard shortcuts on the stage's scene (call after the scene is set). */
  public void installShortcuts() {
    var acc = stage.getScene().getAccelerators();
    acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openImport);
    acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::openLogs);
    acc.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
        this::openSettings);
  }

  private HBox toolbar() {
    ImageView logo = new ImageView(new Image(
        MainWindow.class.getResource("/dev/fulmar/app/icons/app-64.png").toExternalForm(),
        Ui.em(1.8), Ui.em(1.8), true, true));
    logo.setAccessibleText(m.get("app.title"));
    Label title = new Label(m.get("app.title"), logo);
    title.getStyleClass().add("toolbar-title");
    Button imp = toolButton("tool-import", "action.import", "mdi2f-file-import-outline", this::openImport);
    Button logsButton = toolButton("tool-logs", "action.logs", "mdi2t-text-box-outline", this::openLogs);
    Button set = toolButton("tool-settings", "action.settings", "mdi2c-cog-outline", this::openSettings);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(Ui.em(0.5), title, spacer, imp, logsButton, set);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.setPadding(new javafx.geometry.Insets(Ui.em(0.5), Ui.em(0.75), Ui.em(0.5), Ui.em(0.75)));
    bar.getStyleClass().add("tool-bar");
    return bar;
  }

  private Button toolButton(String id, String key, String icon, Runnable action) {
    Button b = new Button(m.get(key), Ui.icon(icon));
    b.setId(id);
    b.getStyleClass().add("flat");
    b.setOnAction(e -> action.run());
    b.setAccessibleText(m.get(key));
    return b;
  }

  /** Opens the file chooser and imports the chosen profile. */
  public void openImport() {
    files.openProfile(stage, m).ifPresent(controller::importFile);
  }

  /** Opens (or brings forward) the logs window. */
  public void openLogs() {
    if (logs == null) {
      logs = new LogsWindow(stage, state, controller, m, files);
    }
    logs.show();
  }

  /** Opens (or brings forward) the settings window. */
  public void openSettings() {
    if (settings == null) {
      settings = new SettingsWindow(stage, state, controller, m);
    }
    settings.show();
  }

  /** Whether the settings window is showing (it is reopened after a language change). */
  public boolean settingsShowing() {
    return settings != null && settings.stage().isShowing();
  }

  private void enableDrop() {
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
        if (!root.getStyleClass().contains("drop-target")) {
          root.getStyleClass().add("drop-target");
        }
      }
      e.consume();
    });
    root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
    root.setOnDragDropped(e -> {
      List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
      root.getStyleClass().remove("drop-target");
      dropped.stream().findFirst().ifPresent(f -> controller.importFile(f.toPath()));
      e.setDropCompleted(!dropped.isEmpty());
      e.consume();
    });
  }

  /** Stops timers and closes the secondary windows (before the content is replaced). */
  public void dispose() {
    status.dispose();
    if (logs != null) {
      logs.stage().close();
    }
    if (settings != null) {
      settings.stage().close();
    }
  }
}
