package dev.fulmar.app.testing;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.ui.FileDialogs;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** File dialogs answered by the test: each returns what was set (once). */
public final class ScriptedFiles implements FileDialogs {
  private volatile Path profile;
  private volatile Path certificate;
  private volatile Path diagnostics;

  public ScriptedFiles profile(Path p) {
    profile = p;
    return this;
  }

  public ScriptedFiles certificate(Path p) {
    certificate = p;
    return this;
  }

  public ScriptedFiles diagnostics(Path p) {
    diagnostics = p;
    return this;
  }

  @Override
  public Optional<Path> openProfile(Window owner, Messages m) {
    Path p = profile;
    profile = null;
    return Optional.ofNullable(p);
  }

  @Override
  public Optional<Path> openCertificate(Window owner, Messages m) {
    Path p = certificate;
    certificate = null;
    return Optional.ofNullable(p);
  }

  @Override
  public Optional<Path> saveDiagnostics(Window owner, Messages m, String suggestedName) {
    Path p = diagnostics;
    diagnostics = null;
    return Optional.ofNullable(p);
  }
}
