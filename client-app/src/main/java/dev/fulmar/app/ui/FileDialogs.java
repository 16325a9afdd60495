package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The OS file dialogs the app opens (profile to import, certificate, diagnostics target), behind
 * an interface so that headless tests answer them.
 */
public interface FileDialogs {

  Optional<Path> openProfile(Window owner, Messages m);

  Optional<Path> openCertificate(Window owner, Messages m);

  Optional<Path> saveDiagnostics(Window owner, Messages m, String suggestedName);

  /** The native dialogs of JavaFX's {@link FileChooser}. */
  static FileDialogs system() {
    return new FileDialogs() {
      @Override
      public Optional<Path> openProfile(Window owner, Messages m) {
        FileChooser c = new FileChooser();
        c.setTitle(m.get("import.chooser.title"));
        c.getExtensionFilters().addAll(
            new FileChooser.ExtensionFilter(m.get("import.chooser.filter"),
                "*.vpn", "*.sswan", "*.mobileconfig"),
            new FileChooser.ExtensionFilter(m.get("import.chooser.all"), "*"));
        return path(c.showOpenDialog(owner));
      }

      @Override
      public Optional<Path> openCertificate(Window owner, Messages m) {
        FileChooser c = new FileChooser();
        c.setTitle(m.get("prompt.pkcs12.chooseTitle"));
        c.getExtensionFilters().addAll(
            new FileChooser.ExtensionFilter(m.get("prompt.pkcs12.filter"), "*.p12", "*.pfx"),
            new FileChooser.ExtensionFilter(m.get("import.chooser.all"), "*"));
        return path(c.showOpenDialog(owner));
      }

      @Override
      public Optional<Path> saveDiagnostics(Window owner, Messages m, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle(m.get("logs.bundle.title"));
        c.setInitialFileName(suggestedName);
        c.getExtensionFilters().add(
            new FileChooser.ExtensionFilter(m.get("logs.bundle.filter"), "*.zip"));
        return path(c.showSaveDialog(owner));
      }

      private Optional<Path> path(File f) {
        return f == null ? Optional.empty() : Optional.of(f.toPath());
      }
    };
  }
}
