package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The first run: no profile yet. Says how to get one (import, or drag the file onto the window)
 * and, when the demo is set up on this computer, offers it.
 */
final class WelcomePane extends VBox {

  WelcomePane(Messages m, AppState state, Runnable importer, Runnable demo) {
    setId("welcome");
    getStyleClass().addAll("card", "empty-state");
    Label title = Ui.text(m.get("profiles.empty.title"), "failure-title");
    Label text = Ui.text(m.get("profiles.empty.text"));
    Button imp = new Button(m.get("action.import"), Ui.icon("mdi2f-file-import-outline"));
    imp.setId("welcome-import");
    imp.setOnAction(e -> importer.run());
    Label demoText = Ui.text(m.get("profiles.empty.demo"), "subline");
    Button demoButton = new Button(m.get("action.demo"), Ui.icon("mdi2s-shield-check-outline"));
    demoButton.setId("demo");
    demoButton.setOnAction(e -> demo.run());
    getChildren().addAll(title, text, imp, demoText, demoButton);
    demoText.visibleProperty().bind(state.demoAvailableProperty());
    demoText.managedProperty().bind(state.demoAvailableProperty());
    demoButton.visibleProperty().bind(state.demoAvailableProperty());
    demoButton.managedProperty().bind(state.demoAvailableProperty());
  }
}
