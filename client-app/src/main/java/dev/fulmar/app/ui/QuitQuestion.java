package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import java.util.Optional;
import javafx.stage.Window;

/** Asks, when quitting with a tunnel up, whether to disconnect it too (the helper keeps it). */
public final class QuitQuestion {
  private final Dialogs dialogs;

  public QuitQuestion(Window owner, Messages m) {
    this.dialogs = new Dialogs(owner, m);
  }

  /** True: disconnect and quit; false: quit and stay connected; empty: do not quit. */
  public Optional<Boolean> ask(String profile) {
    return dialogs.quitWhileConnected(profile == null ? "" : profile);
  }
}
