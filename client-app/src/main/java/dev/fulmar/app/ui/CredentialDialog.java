package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.CredentialAnswer;
import dev.fulmar.app.model.CredentialRequest;
import dev.fulmar.control.message.PromptKind;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for what the helper needs while connecting: EAP user name and password (with "remember",
 * kept in the OS keychain once the connection works), a one-time code, the PKCS#12 password
 * (saying which file it unlocks) or a pre-shared key. Non-blocking: the answer completes a
 * future; Cancel (or Escape, or closing the window) answers with nothing, which cancels the
 * connect cleanly.
 */
final class CredentialDialog {
  private CredentialDialog() {}

  static CompletableFuture<Optional<CredentialAnswer>> ask(Window owner, Messages m,
      CredentialRequest r, java.util.function.Consumer<Dialog<?>> created) {
    CompletableFuture<Optional<CredentialAnswer>> result = new CompletableFuture<>();
    Dialog<CredentialAnswer> d = new Dialog<>();
    if (owner != null && owner.isShowing()) {
      d.initOwner(owner);
    }
    d.setTitle(m.get("prompt.title", r.profileName()));
    d.setHeaderText(header(m, r));
    d.getDialogPane().setId("credentials");
    ButtonType ok = new ButtonType(m.get("prompt.ok"), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel = new ButtonType(m.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    d.getDialogPane().getButtonTypes().addAll(ok, cancel);
    d.getDialogPane().lookupButton(ok).setId("prompt-ok");
    d.getDialogPane().lookupButton(cancel).setId("prompt-cancel");

    GridPane grid = new GridPane();
    grid.setHgap(Ui.em(0.8));
    grid.setVgap(Ui.em(0.5));
    int row = 0;
    TextField user = new TextField(r.username());
    user.setId("prompt-username");
    if (r.kind() == PromptKind.EAP_CREDENTIALS) {
      row = addField(grid, row, m.get("prompt.username"), user);
    }
    PasswordField secret = new PasswordField();
    secret.setId("prompt-password");
    row = addField(grid, row, m.get(fieldKey(r.kind())), secret);
    CheckBox remember = new CheckBox(m.get("prompt.remember", r.rememberWhere()));
    remember.setId("prompt-remember");
    remember.setWrapText(true);
    if (r.canRemember()) {
      grid.add(remember, 1, row++);
    }
    VBox body = new VBox(Ui.em(0.6));
    if (!r.hint().isEmpty()) {
      body.getChildren().add(Ui.text(m.get("prompt.hint", r.hint()), "subline"));
    }
    if (!r.gatewayMessage().isEmpty()) {
      body.getChildren().add(Ui.text(m.get("prompt.gatewayMessage", r.gatewayMessage())));
    }
    body.getChildren().add(grid);
    if (!r.canRemember() && !r.rememberUnavailable().isEmpty()
        && r.kind() != PromptKind.ONE_TIME_PASSWORD) {
      body.getChildren().add(Ui.text(m.get("prompt.rememberUnavailable",
          r.rememberUnavailable()), "subline"));
    }
    body.setPrefWidth(Ui.em(28));
    d.getDialogPane().setContent(body);
    Node okButton = d.getDialogPane().lookupButton(ok);
    okButton.disableProperty().bind(secret.textProperty().isEmpty()
        .or(user.textProperty().isEmpty().and(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> r.kind() == PromptKind.EAP_CREDENTIALS))));
    d.setResultConverter(b -> b == ok ? new CredentialAnswer(
        r.kind() == PromptKind.EAP_CREDENTIALS ? user.getText() : null,
        secret.getText().toCharArray(), remember.isSelected()) : null);
    d.setOnHidden(e -> {
      CredentialAnswer a = d.getResult();
      secret.clear();
      result.complete(Optional.ofNullable(a));
    });
    Theme.style(d.getDialogPane().getScene());
    created.accept(d);
    d.show();
    Platform.runLater(() -> (r.kind() == PromptKind.EAP_CREDENTIALS && user.getText().isEmpty()
        ? user : secret).requestFocus());
    return result;
  }

  private static int addField(GridPane grid, int row, String label, javafx.scene.control.Control f) {
    Label l = new Label(label);
    l.setLabelFor(f);
    l.setMinWidth(Label.USE_PREF_SIZE);
    f.setAccessibleText(label);
    f.setPrefWidth(Ui.em(18));
    grid.addRow(row, l, f);
    return row + 1;
  }

  private static String header(Messages m, CredentialRequest r) {
    return switch (r.kind()) {
      case EAP_CREDENTIALS -> m.get("prompt.eap.header", r.profileName());
      case ONE_TIME_PASSWORD -> m.get("prompt.otp.header");
      case PKCS12_PASSWORD -> m.get("prompt.pkcs12.header");
      case PSK -> m.get("prompt.psk.header");
    };
  }

  private static String fieldKey(PromptKind k) {
    return switch (k) {
      case EAP_CREDENTIALS -> "prompt.password";
      case ONE_TIME_PASSWORD -> "prompt.otp";
      case PKCS12_PASSWORD -> "prompt.pkcs12.password";
      case PSK -> "prompt.psk";
    };
  }
}
