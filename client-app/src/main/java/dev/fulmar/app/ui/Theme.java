package dev.fulmar.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.fulmar.app.settings.Settings;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look: AtlantaFX's Primer theme, light or dark (following the OS when the user did not
 * choose), plus the app's own stylesheet. Sizes in the stylesheet are in {@code em}, so they grow
 * with the system font and survive 200 % scaling.
 */
public final class Theme {
  static final String APP_CSS = Theme.class.getResource("app.css").toExternalForm();

  private Theme() {}

  /** Whether the setting means dark, given what the OS prefers. */
  public static boolean isDark(Settings.Theme setting, boolean systemPrefersDark) {
    return setting == Settings.Theme.DARK
        || setting == Settings.Theme.SYSTEM && systemPrefersDark;
  }

  /** Sets the application-wide theme (every window, dialogs included). */
  public static void apply(boolean dark) {
    String sheet = dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet();
    if (!sheet.equals(Application.getUserAgentStylesheet())) {
      Application.setUserAgentStylesheet(sheet); // restyles every window: only on a change
    }
  }

  /** Adds the app's stylesheet to a scene (once). */
  public static void style(Scene scene) {
    if (!scene.getStylesheets().contains(APP_CSS)) {
      scene.getStylesheets().add(APP_CSS);
    }
  }
}
