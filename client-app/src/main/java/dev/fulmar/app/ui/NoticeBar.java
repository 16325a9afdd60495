package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.Notice;
import javafx.beans.property.ObjectProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Shows the latest {@link Notice} (a refused request, a saved file) until dismissed. */
final class NoticeBar extends HBox {
  private final Messages m;
  private final Label text = Ui.text("", "notice-text");
  private final VBox lines = new VBox(Ui.em(0.2));

  NoticeBar(Messages m, ObjectProperty<Notice> notice) {
    this.m = m;
    setId("notice");
    getStyleClass().add("notice");
    setSpacing(Ui.em(0.5));
    setAccessibleRole(AccessibleRole.TEXT);
    text.setId("notice-text");
    Button close = new Button(null, Ui.icon("mdi2c-close"));
    close.getStyleClass().addAll("flat", "button-icon");
    close.setAccessibleText(m.get("action.close"));
    close.setId("notice-close");
    close.setOnAction(e -> notice.set(null));
    VBox body = new VBox(Ui.em(0.2), text, lines);
    HBox.setHgrow(body, Priority.ALWAYS);
    getChildren().addAll(body, close);
    notice.addListener((o, a, b) -> show(b));
    show(notice.get());
  }

  private void show(Notice n) {
    setVisible(n != null);
    setManaged(n != null);
    lines.getChildren().clear();
    getStyleClass().remove("error");
    if (n == null) {
      return;
    }
    if (n.kind() == Notice.Kind.ERROR) {
      getStyleClass().add("error");
    }
    text.setText(m.get(n.key(), n.args().toArray()));
    n.details().forEach(d -> lines.getChildren().add(Ui.text("• " + d)));
    setAccessibleText(text.getText() + " " + String.join(" ", n.details()));
  }
}
