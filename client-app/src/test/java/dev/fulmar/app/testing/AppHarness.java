package dev.fulmar.app.testing;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppServices;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.DemoSource;
import dev.fulmar.app.settings.Autostart;
import dev.fulmar.app.settings.SettingsStore;
import dev.fulmar.app.ui.FxPrompts;
import dev.fulmar.app.ui.AppWindow;
import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The app as a test drives it: the real controller, windows and dialogs, wired to a {@link
 * ScriptedHelper} on a temporary socket, a profile store and settings in a temporary directory,
 * an in-memory keychain and scripted file dialogs. Build it on the JavaFX thread (TestFX's
 * {@code @Start}).
 */
public final class AppHarness implements AutoCloseable {
  /** The wall clock the status card uses: the scripted helper's time plus 65 s. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(1_700_000_065_000L), ZoneOffset.UTC);

  public final Path dir;
  public final ScriptedHelper helper;
  public final AppState state = new AppState();
  public final InMemorySecretStore secrets = new InMemorySecretStore();
  public final ProfileStore store;
  public final SettingsStore settings;
  public final ScriptedFiles files = new ScriptedFiles();
  public final Autostart autostart;
  public final AppController controller;
  public final AppWindow window;
  private final Stage stage;

  private AppHarness(Stage stage, Path dir, Locale locale, Path demo) throws IOException {
    this(stage, dir, locale, demo, dev.fulmar.app.settings.Settings.Theme.LIGHT);
  }

  private AppHarness(Stage stage, Path dir, Locale locale, Path demo,
      dev.fulmar.app.settings.Settings.Theme theme) throws IOException {
    this.dir = dir;
    this.helper = ScriptedHelper.start(Files.createDirectories(dir.resolve("run")));
    this.store = new ProfileStore(new StorePaths(dir.resolve("config/fulmar/profiles"),
        List.of(dir.resolve("etc/profiles"))));
    this.settings = new SettingsStore(dir.resolve("config/fulmar"));
    this.autostart = Autostart.detect("Linux", Map.of("XDG_CONFIG_HOME",
        dir.resolve("config").toString()), dir, List.of("/usr/bin/fulmar-app"));
    this.stage = stage;
    settings.save(settings.load().withLanguage(locale.getLanguage()).withTheme(theme));
    this.window = new AppWindow(stage, state, settings.load(), CLOCK, files, false, () -> false);
    FxPrompts prompts = new FxPrompts(stage, window::messages, files);
    AppServices services = new AppServices(helper.socket(), "test", store, () -> secrets,
        settings, autostart, demo == null ? null : DemoSource.file(demo), Platform::runLater,
        Duration.ofMillis(200));
    controller = new AppController(state, services, prompts);
    prompts.bind(controller);
    window.attach(controller);
    stage.setWidth(900);
    stage.setHeight(620);
    stage.show();
  }

  /** Starts the app in {@code stage} (English). */
  public static AppHarness start(Stage stage, Path dir) throws IOException {
    return new AppHarness(stage, dir, Locale.ENGLISH, null);
  }

  /** Starts the app with a language and a demo profile file (or null). */
  public static AppHarness start(Stage stage, Path dir, Locale locale, Path demo)
      throws IOException {
    return new AppHarness(stage, dir, locale, demo);
  }

  /** The texts in the app's current language. */
  public Messages messages() {
    return window.messages();
  }

  /** Starts the app with a language and a theme (for screenshots). */
  public static AppHarness start(Stage stage, Path dir, Locale locale,
      dev.fulmar.app.settings.Settings.Theme theme) throws IOException {
    return new AppHarness(stage, dir, locale, null, theme);
  }

  /** Starts the controller (settings, profiles, helper). */
  public AppHarness go() {
    if (Platform.isFxApplicationThread()) {
      controller.start();
    } else {
      org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(10_000, controller::start);
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    controller.close();
    org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.main().dispose());
    helper.close();
  }
}
