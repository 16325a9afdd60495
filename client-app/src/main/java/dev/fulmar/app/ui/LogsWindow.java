package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The helper's log, live: filter by level and text, follow new lines, copy (the selection, or
 * everything shown), and "Save diagnostics…", which asks the helper for its redacted bundle.
 */
final class LogsWindow {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final Stage stage = new Stage();
  private final ListView<LogLine> list = new ListView<>();
  private final FilteredList<LogLine> shown;
  private final Messages m;

  LogsWindow(Window owner, AppState state, AppController controller, Messages m,
      FileDialogs files) {
    this.m = m;
    stage.initOwner(owner);
    stage.setTitle(m.get("logs.title"));
    shown = new FilteredList<>(state.logs().lines());
    ComboBox<LogLevel> level = new ComboBox<>();
    level.getItems().setAll(LogLevel.values());
    level.setValue(LogLevel.INFO);
    level.setId("log-level");
    level.setConverter(new StringConverter<>() {
      @Override
      public String toString(LogLevel l) {
        return l == null ? "" : m.get("logs.level." + l.name());
      }

      @Override
      public LogLevel fromString(String s) {
        return null;
      }
    });
    Label levelLabel = new Label(m.get("logs.level"));
    levelLabel.setLabelFor(level);
    level.setAccessibleText(m.get("logs.level"));
    TextField filter = new TextField();
    filter.setId("log-filter");
    filter.setPromptText(m.get("logs.filter"));
    filter.setAccessibleText(m.get("logs.filter"));
    CheckBox follow = new CheckBox(m.get("logs.follow"));
    follow.setId("log-follow");
    follow.setSelected(true);
    Runnable refilter = () -> {
      LogLevel max = level.getValue();
      String text = filter.getText().strip().toLowerCase(Locale.ROOT);
      shown.setPredicate(l -> l.level().ordinal() <= max.ordinal() && (text.isEmpty()
          || (l.source() + " " + l.message()).toLowerCase(Locale.ROOT).contains(text)));
    };
    level.valueProperty().addListener((o, a, b) -> refilter.run());
    filter.textProperty().addListener((o, a, b) -> refilter.run());
    refilter.run();
    list.setId("log-lines");
    list.setItems(shown);
    list.setAccessibleText(m.get("logs.list"));
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setPlaceholder(new Label(m.get("logs.empty")));
    list.setCellFactory(v -> new Cell());
    list.setOnKeyPressed(e -> {
      if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
        copy();
        e.consume();
      }
    });
    shown.addListener((ListChangeListener<LogLine>) c -> {
      if (follow.isSelected() && !shown.isEmpty()) {
        list.scrollTo(shown.size() - 1);
      }
    });
    Button copy = new Button(m.get("action.copy"), Ui.icon("mdi2c-content-copy"));
    copy.setId("log-copy");
    copy.setOnAction(e -> copy());
    Button bundle = new Button(m.get("action.saveDiagnostics"), Ui.icon("mdi2f-folder-open-outline"));
    bundle.setId("save-diagnostics");
    bundle.setOnAction(e -> files.saveDiagnostics(stage, m,
        AppController.defaultBundleName(LocalDateTime.now()))
        .ifPresent(controller::saveDiagnostics));
    Button close = new Button(m.get("action.close"));
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    HBox top = new HBox(Ui.em(0.6), levelLabel, level, filter, follow);
    top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    HBox.setHgrow(filter, Priority.ALWAYS);
    HBox bottom = new HBox(Ui.em(0.6), copy, bundle, new javafx.scene.layout.Region(), close);
    HBox.setHgrow(bottom.getChildren().get(2), Priority.ALWAYS);
    NoticeBar notice = new NoticeBar(m, state.noticeProperty());
    BorderPane root = new BorderPane(list, top, null, new javafx.scene.layout.VBox(Ui.em(0.5),
        notice, bottom), null);
    root.setPadding(new javafx.geometry.Insets(Ui.em(0.75)));
    BorderPane.setMargin(list, new javafx.geometry.Insets(Ui.em(0.5), 0, Ui.em(0.5), 0));
    Scene scene = new Scene(root, Ui.em(58), Ui.em(34));
    Theme.style(scene);
    stage.setScene(scene);
  }

  void show() {
    stage.show();
    stage.toFront();
    list.requestFocus();
  }

  Stage stage() {
    return stage;
  }

  private void copy() {
    List<LogLine> sel = list.getSelectionModel().getSelectedItems();
    List<LogLine> lines = sel.isEmpty() ? shown : sel;
    StringBuilder s = new StringBuilder();
    lines.forEach(l -> s.append(format(l)).append('\n'));
    Ui.copy(s.toString());
  }

  static String format(LogLine l) {
    String t = TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(l.timeMillis()),
        ZoneId.systemDefault()));
    return t + " " + String.format("%-5s", l.level()) + " " + l.source() + ": " + l.message();
  }

  private static final class Cell extends ListCell<LogLine> {
    Cell() {
      getStyleClass().addAll("log-line", "mono");
    }

    @Override
    protected void updateItem(LogLine l, boolean empty) {
      super.updateItem(l, empty);
      getStyleClass().removeAll("error", "warn", "debug");
      if (empty || l == null) {
        setText(null);
        return;
      }
      setText(format(l));
      switch (l.level()) {
        case ERROR -> getStyleClass().add("error");
        case WARN -> getStyleClass().add("warn");
        case DEBUG -> getStyleClass().add("debug");
        default -> { }
      }
    }
  }
}
