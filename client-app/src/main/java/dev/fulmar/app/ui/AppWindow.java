package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.settings.Settings;
import java.time.Clock;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window over the app's life: builds it, and follows the settings: a new theme is
 * applied at once, a new language rebuilds the window's content (reopening the settings window
 * if it was open) so that every text is in the new language without a restart.
 */
public final class AppWindow {
  private final Stage stage;
  private final AppState state;
  private final Clock clock;
  private final FileDialogs files;
  private final BooleanSupplier detectDark;
  private volatile boolean systemDark;
  private long lastThemeCheck;
  private Messages messages;
  private AppController controller;
  private MainWindow main;
  private Runnable onRebuilt = () -> { };

  /**
   * @param systemDark whether the OS prefers dark windows now
   * @param detectDark asks the OS again (may block briefly: called off the UI thread when the
   *     window regains focus, so that a theme following the OS follows a change too)
   */
  public AppWindow(Stage stage, AppState state, Settings initial, Clock clock, FileDialogs files,
      boolean systemDark, BooleanSupplier detectDark) {
    this.stage = stage;
    this.state = state;
    this.clock = clock;
    this.files = files;
    this.systemDark = systemDark;
    this.detectDark = detectDark;
    this.lastThemeCheck = clock.millis();
    this.messages = Messages.forSetting(initial.language(), Locale.getDefault());
    Theme.apply(Theme.isDark(initial.theme(), systemDark));
  }

  /** The texts in the current language. */
  public Messages messages() {
    return messages;
  }

  /** The window's content (replaced when the language changes). */
  public MainWindow main() {
    return main;
  }

  /** Called after the content was rebuilt (the tray refreshes its texts). */
  public void onRebuilt(Runnable r) {
    onRebuilt = r;
  }

  /** Builds the window for {@code c} and starts following the settings. */
  public void attach(AppController c) {
    this.controller = c;
    build();
    // profiles changed elsewhere (the CLI, a file manager) show up when the user comes back
    stage.focusedProperty().addListener((o, was, now) -> {
      if (now) {
        c.refreshProfiles();
        followSystemTheme();
      }
    });
    state.settingsProperty().addListener((o, before, now) -> {
      if (before.theme() != now.theme()) {
        Theme.apply(Theme.isDark(now.theme(), systemDark));
      }
      if (!before.language().equals(now.language())) {
        messages = Messages.forSetting(now.language(), Locale.getDefault());
        boolean reopen = main.settingsShowing();
        build();
        onRebuilt.run();
        if (reopen) {
          main.openSettings();
        }
      }
    });
  }

  private void followSystemTheme() {
    long now = clock.millis();
    if (state.settings().theme() != Settings.Theme.SYSTEM || now - lastThemeCheck < 10_000) {
      return;
    }
    lastThemeCheck = now;
    java.util.concurrent.CompletableFuture.supplyAsync(detectDark::getAsBoolean)
        .thenAcceptAsync(dark -> {
          systemDark = dark;
          if (state.settings().theme() == Settings.Theme.SYSTEM) {
            Theme.apply(dark);
          }
        }, javafx.application.Platform::runLater);
  }

  private void build() {
    if (main != null) {
      main.dispose();
    }
    main = new MainWindow(stage, state, controller, messages, clock, files);
    stage.setTitle(messages.get("app.title"));
    if (stage.getScene() == null) {
      Scene scene = new Scene(main.root(), Ui.em(62), Ui.em(40));
      Theme.style(scene);
      stage.setScene(scene);
      stage.setMinWidth(Ui.em(40));
      stage.setMinHeight(Ui.em(28));
    } else {
      stage.getScene().setRoot(main.root());
    }
    main.installShortcuts();
  }
}
