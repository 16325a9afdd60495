package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.ProfileEdits;
import dev.fulmar.profiles.imports.ImportReport;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The import report, shown before anything is saved: the format, notes (e.g. who signed the
 * file), what the user still has to supply, the problems (errors block saving), and folded the
 * settings carried over and those dropped with the reason. The name, a missing user name and a
 * missing client certificate can be fixed right here; the profile is validated again on each
 * change.
 */
final class ImportDialog {
  private final Messages m;
  private final AppController controller;
  private final FileDialogs files;
  private final Dialog<Boolean> dialog = new Dialog<>();
  private final VBox problems = new VBox(Ui.em(0.25));
  private final Label saveError = Ui.text("", "problem-error");
  private final ImportResult original;
  private ImportResult current;
  private Button save;

  private ImportDialog(Messages m, AppController controller, FileDialogs files, ImportResult r) {
    this.m = m;
    this.controller = controller;
    this.files = files;
    this.original = r;
    this.current = r;
  }

  /** Shows the report for {@code file}; returns at once. */
  static void show(Window owner, Messages m, AppController controller, FileDialogs files,
      Path file, ImportResult r) {
    new ImportDialog(m, controller, files, r).open(owner, file);
  }

  private String replaces() {
    if (original.profile() == null) {
      return null;
    }
    return controller.state().profiles().byId(original.profile().id().toString())
        .filter(e -> !e.system()).map(e -> m.get("import.replaces", e.name())).orElse(null);
  }

  private void open(Window owner, Path file) {
    if (owner != null && owner.isShowing()) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(m.get("import.title"));
    String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    dialog.setHeaderText(original.profile() == null ? m.get("import.unreadable", fileName)
        : fileName);
    dialog.getDialogPane().setId("import-dialog");
    ButtonType saveType = new ButtonType(m.get("import.save"), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel = new ButtonType(original.profile() == null ? m.get("action.close")
        : m.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    if (original.profile() != null) {
      dialog.getDialogPane().getButtonTypes().add(saveType);
    }
    dialog.getDialogPane().getButtonTypes().add(cancel);
    dialog.getDialogPane().lookupButton(cancel).setId("import-cancel");
    VBox body = new VBox(Ui.em(0.7));
    body.setId("import-report");
    if (original.profile() != null) {
      save = (Button) dialog.getDialogPane().lookupButton(saveType);
      save.setId("import-save");
      save.addEventFilter(ActionEvent.ACTION, e -> {
        e.consume();
        doSave();
      });
      body.getChildren().add(editor(original.profile()));
      String note = replaces();
      if (note != null) {
        Label l = Ui.text(note, "problem-warning");
        l.setId("import-replaces");
        body.getChildren().add(l);
      }
    }
    problems.setId("import-problems");
    body.getChildren().addAll(problems, saveError);
    body.getChildren().addAll(report(original.report()));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportWidth(Ui.em(36));
    scroll.setPrefViewportHeight(Ui.em(24));
    dialog.getDialogPane().setContent(scroll);
    dialog.setResultConverter(b -> b == saveType);
    dialog.setOnHidden(e -> {
      if (!Boolean.TRUE.equals(dialog.getResult())) {
        original.secrets().close();
      }
    });
    showProblems();
    Theme.style(dialog.getDialogPane().getScene());
    dialog.show();
  }

  private Node editor(Profile p) {
    GridPane g = new GridPane();
    g.setHgap(Ui.em(0.8));
    g.setVgap(Ui.em(0.4));
    int r = 0;
    if (original.format() != null) {
      g.addRow(r++, Ui.text(m.get("import.format"), "card-key"),
          Ui.text(original.format().description()));
    }
    TextField name = new TextField(p.name());
    name.setId("import-name");
    name.textProperty().addListener((o, a, b) -> edit(current.profile().toBuilder().name(b.strip()).build()));
    r = field(g, r, "import.name", name);
    g.addRow(r++, Ui.text(m.get("import.gateway"), "card-key"),
        Ui.text(p.gateways().isEmpty() ? "" : p.gateway().host()));
    if (ProfileEdits.username(p) != null || p.auth() instanceof
        dev.fulmar.profiles.model.Authentication.PasswordEap) {
      TextField user = new TextField(ProfileEdits.username(p) == null ? "" : ProfileEdits.username(p));
      user.setId("import-username");
      user.textProperty().addListener((o, a, b) ->
          edit(ProfileEdits.withUsername(current.profile(), b.strip())));
      r = field(g, r, "import.username", user);
    }
    if (ProfileEdits.needsCertificate(p.auth())) {
      Label path = Ui.text(certificateText(p), "mono");
      path.setId("import-certificate");
      Button choose = new Button(m.get("action.choose"), Ui.icon("mdi2c-certificate-outline"));
      choose.setId("import-choose-certificate");
      choose.setOnAction(e -> files.openCertificate(dialog.getOwner(), m).ifPresent(f -> {
        edit(ProfileEdits.withCertificateFile(current.profile(), f));
        path.setText(certificateText(current.profile()));
      }));
      choose.setAccessibleText(m.get("import.certificate") + " " + m.get("action.choose"));
      g.addRow(r++, Ui.text(m.get("import.certificate"), "card-key"),
          new HBox(Ui.em(0.5), path, choose));
    }
    return g;
  }

  private String certificateText(Profile p) {
    var c = ProfileEdits.certificate(p.auth());
    if (c instanceof dev.fulmar.profiles.model.Pkcs12.FileRef f) {
      return f.path();
    }
    return c == null ? "—" : "(embedded)";
  }

  private int field(GridPane g, int r, String key, TextField f) {
    Label l = Ui.text(m.get(key), "card-key");
    l.setLabelFor(f);
    f.setAccessibleText(m.get(key));
    f.setPrefWidth(Ui.em(20));
    g.addRow(r, l, f);
    return r + 1;
  }

  private void edit(Profile changed) {
    current = controller.revise(original, changed);
    saveError.setText("");
    showProblems();
  }

  private void showProblems() {
    problems.getChildren().clear();
    List<Problem> errors = current.problems().stream().filter(Problem::isError).toList();
    List<Problem> warnings = current.problems().stream().filter(p -> !p.isError()).toList();
    if (!errors.isEmpty()) {
      problems.getChildren().add(Ui.text(m.get("import.errors"), "failure-title"));
      errors.forEach(p -> problems.getChildren().add(Ui.text("• " + p, "problem-error")));
    }
    if (!warnings.isEmpty()) {
      problems.getChildren().add(Ui.text(m.get("import.warnings"), "failure-title"));
      warnings.forEach(p -> problems.getChildren().add(Ui.text("• " + p, "problem-warning")));
    }
    if (save != null) {
      save.setDisable(!current.ok());
    }
  }

  private List<Node> report(ImportReport rep) {
    List<Node> out = new java.util.ArrayList<>();
    if (!rep.notes().isEmpty()) {
      out.add(list("import.notes", rep.notes()));
    }
    if (!rep.mustSupply().isEmpty()) {
      out.add(list("import.mustSupply", rep.mustSupply()));
    }
    if (!rep.mapped().isEmpty()) {
      out.add(fold("import.mapped", rep.mapped().stream()
          .map(x -> x.from() + " → " + x.to()).toList(), "import-mapped"));
    }
    if (!rep.dropped().isEmpty()) {
      out.add(fold("import.dropped", rep.dropped().stream()
          .map(x -> x.setting() + ": " + x.reason()).toList(), "import-dropped"));
    }
    return out;
  }

  private Node list(String key, List<String> items) {
    VBox v = new VBox(Ui.em(0.2), Ui.text(m.get(key), "failure-title"));
    items.forEach(i -> v.getChildren().add(Ui.text("• " + i)));
    return v;
  }

  private Node fold(String key, List<String> items, String id) {
    VBox v = new VBox(Ui.em(0.2));
    items.forEach(i -> v.getChildren().add(Ui.text(i)));
    TitledPane t = new TitledPane(m.get(key) + " (" + items.size() + ")", v);
    t.setExpanded(false);
    t.setId(id);
    return t;
  }

  private void doSave() {
    save.setDisable(true);
    controller.saveImport(current).whenComplete((outcome, err) -> {
      if (err == null) {
        dialog.setResult(Boolean.TRUE);
        dialog.close();
        return;
      }
      Throwable e = err.getCause() != null ? err.getCause() : err;
      saveError.setText(m.get("import.saveFailed", String.valueOf(e.getMessage())));
      save.setDisable(!current.ok());
    });
  }
}
