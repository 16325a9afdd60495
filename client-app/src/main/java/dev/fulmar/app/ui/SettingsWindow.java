package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.message.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The app's settings. Each change is stored at once (atomically, in the user's config
 * directory): start at login, connect on start, the kill switch with its LAN exception (as far as
 * the helper's policy leaves them to the user), theme and language.
 */
final class SettingsWindow {
  private final Stage stage = new Stage();
  private final AppState state;
  private final AppController controller;

  SettingsWindow(Window owner, AppState state, AppController controller, Messages m) {
    this.state = state;
    this.controller = controller;
    stage.initOwner(owner);
    stage.setTitle(m.get("settings.title"));
    Settings s = state.settings();
    CheckBox login = check("settings-start-at-login", m.get("settings.startAtLogin"),
        s.startAtLogin(), (x, v) -> x.withStartAtLogin(v));
    Label where = Ui.text(m.get("settings.startAtLogin.where", controller.autostartLocation()),
        "subline");
    CheckBox onStart = check("settings-connect-on-start", m.get("settings.connectOnStart"),
        s.connectOnStart(), (x, v) -> x.withConnectOnStart(v));
    CheckBox kill = check("settings-kill-switch", m.get("settings.killSwitch"), s.killSwitch(),
        (x, v) -> x.withKillSwitch(v));
    CheckBox lan = check("settings-allow-lan", m.get("settings.allowLan"), s.allowLan(),
        (x, v) -> x.withAllowLan(v));
    Label policyNote = Ui.text("", "subline");
    policyNote.setId("settings-policy-note");
    Runnable policy = () -> {
      Policy p = state.policyProperty().get();
      boolean userChoice = p.killSwitch() == Policy.KillSwitchRule.USER_CHOICE;
      kill.setDisable(!userChoice);
      lan.setDisable(!userChoice || !kill.isSelected() || !p.lanExceptionAllowed());
      List<String> notes = new ArrayList<>();
      notes.add(switch (p.killSwitch()) {
        case ALWAYS_ON -> m.get("settings.killSwitch.alwaysOn");
        case OFF -> m.get("settings.killSwitch.forbidden");
        default -> m.get("settings.killSwitch.note");
      });
      if (!p.lanExceptionAllowed()) {
        notes.add(m.get("settings.allowLan.forbidden"));
      }
      policyNote.setText(String.join(" ", notes));
    };
    state.policyProperty().addListener((o, a, b) -> policy.run());
    kill.selectedProperty().addListener((o, a, b) -> policy.run());
    policy.run();
    ComboBox<Settings.Theme> theme = new ComboBox<>();
    theme.setId("settings-theme");
    theme.getItems().setAll(Settings.Theme.values());
    theme.setValue(s.theme());
    theme.setConverter(converter(t -> m.get("settings.theme." + t.name())));
    theme.valueProperty().addListener((o, a, b) -> update(x -> x.withTheme(b)));
    ComboBox<String> lang = new ComboBox<>();
    lang.setId("settings-language");
    lang.getItems().add("");
    lang.getItems().addAll(Messages.LANGUAGES);
    lang.setValue(s.language());
    lang.setConverter(converter(t -> t.isEmpty() ? m.get("settings.language.system")
        : m.get("settings.language." + t)));
    lang.valueProperty().addListener((o, a, b) -> update(x -> x.withLanguage(b)));
    GridPane look = new GridPane();
    look.setHgap(Ui.em(0.8));
    look.setVgap(Ui.em(0.5));
    look.addRow(0, labelFor(m.get("settings.theme"), theme), theme);
    look.addRow(1, labelFor(m.get("settings.language"), lang), lang);
    Button close = new Button(m.get("action.close"));
    close.setId("settings-close");
    close.setCancelButton(true);
    close.setDefaultButton(true);
    close.setOnAction(e -> stage.close());
    VBox root = new VBox(Ui.em(0.6),
        Ui.text(m.get("settings.general"), "section-title"), login, where, onStart,
        Ui.text(m.get("settings.network"), "section-title"), kill, indent(lan), policyNote,
        Ui.text(m.get("settings.appearance"), "section-title"), look,
        new HBox(close));
    root.setPadding(new javafx.geometry.Insets(Ui.em(1)));
    root.setPrefWidth(Ui.em(36));
    root.setId("settings");
    state.settingsProperty().addListener((o, a, b) -> login.setSelected(b.startAtLogin()));
    Scene scene = new Scene(root);
    Theme.style(scene);
    stage.setScene(scene);
  }

  void show() {
    stage.show();
    stage.toFront();
  }

  Stage stage() {
    return stage;
  }

  private CheckBox check(String id, String text, boolean value,
      java.util.function.BiFunction<Settings, Boolean, Settings> change) {
    CheckBox c = new CheckBox(text);
    c.setId(id);
    c.setWrapText(true);
    c.setSelected(value);
    c.selectedProperty().addListener((o, a, b) -> {
      if (b != null && change.apply(state.settings(), b).equals(state.settings())) {
        return;
      }
      update(x -> change.apply(x, b));
    });
    return c;
  }

  private void update(UnaryOperator<Settings> change) {
    controller.updateSettings(change.apply(state.settings()));
  }

  private static HBox indent(javafx.scene.Node n) {
    HBox h = new HBox(n);
    h.setPadding(new javafx.geometry.Insets(0, 0, 0, Ui.em(1.6)));
    return h;
  }

  private static Label labelFor(String text, javafx.scene.control.Control c) {
    Label l = new Label(text);
    l.setLabelFor(c);
    c.setAccessibleText(text);
    return l;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }
}
