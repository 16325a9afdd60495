package dev.fulmar.app;

import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppServices;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.DemoSource;
import dev.fulmar.app.settings.Autostart;
import dev.fulmar.app.settings.Settings;
import dev.fulmar.app.settings.SettingsStore;
import dev.fulmar.app.settings.SystemTheme;
import dev.fulmar.app.tray.TrayController;
import dev.fulmar.app.ui.FileDialogs;
import dev.fulmar.app.ui.FxPrompts;
import dev.fulmar.app.ui.AppWindow;
import dev.fulmar.control.SocketPaths;
import dev.fulmar.profiles.secrets.KeyringSecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: wires the controller to the real helper socket, profile store,
 * keychain and settings, shows the main window, and puts the icon into the tray when the desktop
 * has one (then closing the window keeps Fulmar running in the tray; without a tray the window is
 * the app).
 */
public final class FulmarApp extends Application {
  static final String VERSION = "0.1.0";
  private static AppArgs args = new AppArgs(false, null, null, false, null);
  private static CompletableFuture<Boolean> systemDark = CompletableFuture.completedFuture(false);
  private static Path instanceSocket;

  private Stage stage;
  private AppState state;
  private AppController controller;
  private AppWindow window;
  private TrayController tray;
  private boolean startedOnce;
  private SingleInstance instance;
  private final FileDialogs files = FileDialogs.system();

  static void configure(AppArgs a, CompletableFuture<Boolean> dark, Path instance) {
    args = a;
    systemDark = dark;
    instanceSocket = instance;
  }

  @Override
  public void start(Stage primary) {
    stage = primary;
    Warmup.iconFont();
    Path configDir = StorePaths.forCurrentUser().userDir().getParent();
    SettingsStore settingsStore = new SettingsStore(configDir);
    Settings initial = settingsStore.load();
    state = new AppState();
    window = new AppWindow(stage, state, initial, Clock.systemUTC(), files, dark(),
        SystemTheme::prefersDark);
    FxPrompts prompts = new FxPrompts(stage, window::messages, files);
    AppServices services = new AppServices(
        args.socket() != null ? args.socket() : SocketPaths.current(), VERSION,
        ProfileStore.forCurrentUser(), KeyringSecretStore::openSystem, settingsStore,
        Autostart.forCurrentUser(Autostart.currentLaunchCommand()),
        args.demoProfile() == null ? null : DemoSource.file(args.demoProfile()),
        Platform::runLater, Duration.ofSeconds(2));
    controller = new AppController(state, services, prompts);
    prompts.bind(controller);
    window.attach(controller);
    window.onRebuilt(() -> {
      if (tray != null) {
        tray.refresh();
      }
    });
    stage.setOnShown(e -> shown());
    if (args.minimized() && TrayController.supported()) {
      started();
    }
    listenForOtherStarts();
    if (!args.minimized() || !TrayController.supported()) {
      stage.show();
    } else {
      Platform.runLater(this::installTray);
    }
  }

  /** CPU time this process used so far (all threads), or -1 when the JVM does not say. */
  static long cpuMillis() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean b
        ? b.getProcessCpuTime() / 1_000_000 : -1;
  }

  private boolean dark() {
    try {
      return systemDark.get(300, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return false;
    }
  }

  /** What can wait until the window is on screen: icons, the helper, profiles, the tray. */
  private void started() {
    if (startedOnce) {
      return;
    }
    startedOnce = true;
    stage.getIcons().addAll(icons());
    controller.start();
    if (args.file() != null) {
      controller.importFile(args.file());
    }
  }

  private void shown() {
    Platform.runLater(this::started);
    if (args.measureStart()) {
      long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("fulmar-app: window visible " + ms + " ms after JVM start, "
          + cpuMillis() + " ms CPU");
      Platform.runLater(() -> {
        controller.close();
        Platform.exit();
        System.exit(0);
      });
      return;
    }
    if (tray == null) {
      Platform.runLater(this::installTray);
    }
  }

  private void installTray() {
    if (tray != null) {
      return;
    }
    tray = TrayController.install(stage, state, window::messages, new TrayController.Actions() {
      @Override
      public void connect(dev.fulmar.app.model.ProfileEntry e) {
        controller.connect(e);
      }

      @Override
      public void disconnect() {
        controller.disconnect();
      }

      @Override
      public void open() {
        FulmarApp.this.showWindow();
      }

      @Override
      public void quit() {
        FulmarApp.this.quit();
      }
    });
    if (tray != null) {
      Platform.setImplicitExit(false);
      stage.setOnCloseRequest(e -> {
        e.consume();
        stage.hide();
      });
    } else {
      stage.setOnCloseRequest(e -> {
        e.consume();
        quit();
      });
    }
  }

  private void showWindow() {
    stage.show();
    stage.setIconified(false);
    stage.toFront();
  }

  private void quit() {
    var t = state.tunnel();
    boolean up = t.isKnown() && (t.state().isActive());
    if (up) {
      showWindow();
      var choice = new dev.fulmar.app.ui.QuitQuestion(stage, window.messages()).ask(t.status().profile());
      if (choice.isEmpty()) {
        return;
      }
      if (choice.get()) {
        controller.disconnect();
      }
    }
    exit();
  }

  private void exit() {
    controller.close();
    if (tray != null) {
      tray.remove();
    }
    if (instance != null) {
      try {
        instance.close();
      } catch (IOException ignored) {
        // leaving anyway
      }
    }
    Platform.exit();
    System.exit(0);
  }

  private void listenForOtherStarts() {
    if (instanceSocket == null || args.measureStart()) {
      return;
    }
    try {
      instance = SingleInstance.listen(instanceSocket, line -> Platform.runLater(() -> {
        showWindow();
        if (line.startsWith("import\t")) {
          controller.importFile(Path.of(line.substring("import\t".length())));
        }
      }));
    } catch (IOException | RuntimeException e) {
      // a second instance then starts its own window; nothing else depends on it
    }
  }

  private static java.util.List<Image> icons() {
    return java.util.stream.IntStream.of(16, 24, 32, 48, 64, 128, 256)
        .mapToObj(s -> new Image(FulmarApp.class.getResource("/dev/fulmar/app/icons/app-" + s
            + ".png").toExternalForm(), true))
        .toList();
  }
}
