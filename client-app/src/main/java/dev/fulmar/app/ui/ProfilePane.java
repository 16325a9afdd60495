package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.ProfileEntry;
import dev.fulmar.profiles.store.BrokenFile;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The profile list: system profiles first, marked with a lock and "System" and read-only; then
 * the user's. Delete below it (or the Delete key; never for system profiles); Enter connects.
 * Profile files that could not be loaded are listed under it with the first problem, so that a
 * damaged file never just disappears.
 */
final class ProfilePane extends VBox {
  private final ListView<ProfileEntry> list = new ListView<>();

  ProfilePane(AppState state, AppController controller, Messages m, Dialogs dialogs) {
    getStyleClass().add("side");
    setPrefWidth(Ui.em(19));
    setMinWidth(Ui.em(12));
    Label title = Ui.text(m.get("profiles.title"), "section-title");
    title.setLabelFor(list);
    list.setId("profiles");
    list.getStyleClass().add("profile-list");
    list.setAccessibleText(m.get("a11y.profileList"));
    list.setItems(state.profiles().entries());
    list.setCellFactory(v -> new Cell(m));
    list.setPlaceholder(Ui.text(m.get("profiles.empty.title"), "subline"));
    VBox.setVgrow(list, Priority.ALWAYS);
    list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (b != null && b != state.selectedProperty().get()) {
        state.selectedProperty().set(b);
      }
    });
    state.selectedProperty().addListener((o, a, b) -> select(b));
    state.profiles().entries().addListener(
        (javafx.collections.ListChangeListener<ProfileEntry>) c -> select(state.selectedProperty().get()));
    Button del = new Button(m.get("action.delete"), Ui.icon("mdi2d-delete-outline"));
    del.setId("delete");
    del.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> state.selectedProperty().get() == null || state.selectedProperty().get().system(),
        state.selectedProperty()));
    Runnable delete = () -> {
      ProfileEntry e = state.selectedProperty().get();
      if (e != null && !e.system() && dialogs.confirm(m.get("profiles.delete.title"),
          m.get("profiles.delete.confirm", e.name()), m.get("action.delete"))) {
        controller.delete(e);
      }
    };
    del.setOnAction(e -> delete.run());
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DELETE) {
        delete.run();
        e.consume();
      } else if (e.getCode() == KeyCode.ENTER && state.selectedProperty().get() != null) {
        controller.toggle(); // Enter on a profile connects it (or disconnects the tunnel)
        e.consume();
      }
    });
    HBox buttons = new HBox(Ui.em(0.5), del);
    VBox broken = new VBox(Ui.em(0.3));
    broken.setId("broken-profiles");
    Runnable showBroken = () -> {
      broken.getChildren().clear();
      for (BrokenFile b : state.profiles().broken()) {
        String first = b.problems().isEmpty() ? "" : b.problems().get(0).toString();
        Label l = Ui.text(m.get("profiles.broken", String.valueOf(b.file().getFileName()), first),
            "problem-warning");
        l.setTooltip(Ui.tip(b.file() + "\n" + b.problems().stream().map(Object::toString)
            .collect(java.util.stream.Collectors.joining("\n"))));
        broken.getChildren().add(l);
      }
    };
    state.profiles().broken().addListener(
        (javafx.collections.ListChangeListener<BrokenFile>) c -> showBroken.run());
    showBroken.run();
    getChildren().addAll(title, list, broken, buttons);
    select(state.selectedProperty().get());
  }

  private void select(ProfileEntry e) {
    if (e == null) {
      list.getSelectionModel().clearSelection();
    } else if (!e.equals(list.getSelectionModel().getSelectedItem())) {
      list.getSelectionModel().select(e);
    }
  }

  ListView<ProfileEntry> list() {
    return list;
  }

  /** A profile in the list: name, gateway, and the system badge. */
  private static final class Cell extends ListCell<ProfileEntry> {
    private final Messages m;

    Cell(Messages m) {
      this.m = m;
      getStyleClass().add("profile-cell");
      setPrefWidth(0); // follow the list's width: long names are cut with "…", no side scrolling
    }

    @Override
    protected void updateItem(ProfileEntry e, boolean empty) {
      super.updateItem(e, empty);
      setText(null);
      if (empty || e == null) {
        setGraphic(null);
        setAccessibleText(null);
        setTooltip(null);
        return;
      }
      Label name = new Label(e.name());
      name.getStyleClass().add("profile-name");
      name.setMinWidth(0);
      Label gw = new Label(e.gateway());
      gw.getStyleClass().add("profile-gateway");
      gw.setMinWidth(0);
      HBox second = new HBox(Ui.em(0.4), gw);
      second.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      if (e.system()) {
        Label badge = new Label(m.get("profiles.system"), Ui.icon("mdi2l-lock-outline"));
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        second.getChildren().addAll(gap, badge);
        setTooltip(Ui.tip(m.get("profiles.system.tooltip")));
      } else {
        setTooltip(null);
      }
      setGraphic(new VBox(Ui.em(0.1), name, second));
      setAccessibleText(m.get(e.system() ? "profiles.entry.accessibleSystem"
          : "profiles.entry.accessible", e.name(), e.gateway()));
    }
  }
}
