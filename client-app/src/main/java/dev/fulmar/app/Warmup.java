package dev.fulmar.app;

import java.util.ServiceLoader;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.IkonResolverProvider;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;

/**
 * Loads, on a background thread while the JavaFX toolkit starts, the classes the first window
 * needs (the views, the icon font's tables, the protocol codec), so that building the window
 * finds them ready. Failures only cost the time saved.
 */
final class Warmup {
  private static final String[] CLASSES = {
    "dev.fulmar.app.ui.MainWindow", "dev.fulmar.app.ui.StatusPane", "dev.fulmar.app.ui.StatusCard",
    "dev.fulmar.app.ui.ProfilePane", "dev.fulmar.app.ui.RateGraph", "dev.fulmar.app.ui.FailurePane",
    "dev.fulmar.app.ui.HelperPane", "dev.fulmar.app.ui.WelcomePane", "dev.fulmar.app.ui.NoticeBar",
    "dev.fulmar.app.model.AppController", "dev.fulmar.app.helper.HelperLink",
    "dev.fulmar.control.client.ControlClient", "dev.fulmar.control.codec.MessageCodec",
    "javafx.scene.control.ListView", "javafx.scene.control.TitledPane",
    "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.skin.TitledPaneSkin",
    "javafx.scene.control.skin.ButtonSkin", "javafx.scene.canvas.Canvas",
  };

  private Warmup() {}

  static void start() {
    Thread t = new Thread(Warmup::run, "fulmar-app-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * Loads the icon font (it takes a noticeable part of building the first window); call once the
   * JavaFX toolkit runs. The font loader caches it, so the window's icons find it loaded.
   */
  static void iconFont() {
    Thread t = new Thread(() -> {
      try {
        IkonResolverProvider.getInstance(JavaFXFontLoader.getInstance()).resolve("mdi2c-close");
      } catch (RuntimeException | LinkageError e) {
        // only a lost head start
      }
    }, "fulmar-app-icon-font");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    ClassLoader cl = Warmup.class.getClassLoader();
    for (String c : CLASSES) {
      try {
        Class.forName(c, false, cl);
      } catch (ClassNotFoundException | LinkageError e) {
        // only a lost head start
      }
    }
    try {
      for (String icon : new String[] {"mdi2f-file-import-outline", "mdi2t-text-box-outline",
          "mdi2c-cog-outline", "mdi2d-delete-outline", "mdi2l-lock-outline", "mdi2c-close",
          "mdi2c-content-copy", "mdi2r-refresh", "mdi2s-shield-check-outline"}) {
        for (IkonHandler h : ServiceLoader.load(IkonHandler.class, cl)) {
          if (h.supports(icon)) {
            h.resolve(icon);
          }
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // only a lost head start
    }
  }
}
