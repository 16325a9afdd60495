package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.CredentialAnswer;
import dev.fulmar.app.model.CredentialRequest;
import dev.fulmar.app.model.UserPrompts;
import dev.fulmar.profiles.imports.ImportResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.stage.Stage;

/** The app's {@link UserPrompts}: its dialogs, owned by the main window. */
public final class FxPrompts implements UserPrompts {
  private final Stage owner;
  private final Supplier<Messages> messages;
  private final FileDialogs files;
  private AppController controller;
  private final java.util.List<javafx.scene.control.Dialog<?>> open = new java.util.ArrayList<>();

  public FxPrompts(Stage owner, Supplier<Messages> messages, FileDialogs files) {
    this.owner = owner;
    this.messages = messages;
    this.files = files;
  }

  /** The controller the import dialog saves through (it is created after the prompts). */
  public void bind(AppController controller) {
    this.controller = controller;
  }

  @Override
  public CompletionStage<Optional<CredentialAnswer>> askCredentials(CredentialRequest request) {
    showOwner();
    javafx.scene.control.Dialog<?>[] shown = new javafx.scene.control.Dialog<?>[1];
    var answer = CredentialDialog.ask(owner, messages.get(), request, d -> shown[0] = d);
    open.add(shown[0]);
    return answer.whenComplete((a, e) -> open.remove(shown[0]));
  }

  @Override
  public void dismissCredentials() {
    for (javafx.scene.control.Dialog<?> d : java.util.List.copyOf(open)) {
      d.setResult(null);
      d.close();
    }
  }

  @Override
  public Optional<Path> chooseCertificate(String profileName, String missingFile) {
    showOwner();
    Messages m = messages.get();
    String text = missingFile == null ? m.get("prompt.pkcs12.missing")
        : m.get("prompt.pkcs12.notFound", missingFile) + "\n" + m.get("prompt.pkcs12.missing");
    if (!new Dialogs(owner, m).confirm(m.get("prompt.title", profileName), text,
        m.get("action.choose"))) {
      return Optional.empty();
    }
    return files.openCertificate(owner, m);
  }

  @Override
  public void showImport(Path file, ImportResult result) {
    showOwner();
    ImportDialog.show(owner, messages.get(), controller, files, file, result);
  }

  private void showOwner() {
    if (!owner.isShowing()) {
      owner.show();
    }
    owner.toFront();
  }
}
