package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Confirmation questions, with the buttons named after what they do. */
final class Dialogs {
  private final Window owner;
  private final Messages m;

  Dialogs(Window owner, Messages m) {
    this.owner = owner;
    this.m = m;
  }

  /** Asks a yes/no question whose "yes" button says {@code action}; true when confirmed. */
  boolean confirm(String title, String text, String action) {
    ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    ButtonType no = new ButtonType(m.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(null);
    a.getDialogPane().setId("confirm");
    a.getDialogPane().lookupButton(yes).setId("confirm-yes");
    ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
    ((javafx.scene.control.Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
    Theme.style(a.getDialogPane().getScene());
    return a.showAndWait().filter(b -> b == yes).isPresent();
  }

  /** Quit while a tunnel is up: disconnect too (true), keep it (false), or stay (empty). */
  Optional<Boolean> quitWhileConnected(String profile) {
    ButtonType disconnect = new ButtonType(m.get("quit.disconnectAndQuit"),
        ButtonBar.ButtonData.OK_DONE);
    ButtonType keep = new ButtonType(m.get("quit.keepConnected"), ButtonBar.ButtonData.OTHER);
    ButtonType cancel = new ButtonType(m.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, m.get("quit.connected", profile),
        disconnect, keep, cancel);
    a.initOwner(owner);
    a.setTitle(m.get("quit.title"));
    a.setHeaderText(null);
    a.getDialogPane().setId("quit");
    Theme.style(a.getDialogPane().getScene());
    Optional<ButtonType> r = a.showAndWait();
    if (r.isEmpty() || r.get() == cancel) {
      return Optional.empty();
    }
    return Optional.of(r.get() == disconnect);
  }
}
