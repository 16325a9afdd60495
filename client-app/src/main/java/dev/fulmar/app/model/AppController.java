package dev.fulmar.app.model;

import dev.fulmar.app.helper.HelperLink;
import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.Limits;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.Welcome;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the windows and the tray call: connect, disconnect, import, delete, settings,
 * diagnostics. It keeps {@link AppState} up to date from the helper's events and the local
 * store. Constructed and used on the UI thread.
 */
public final class AppController implements HelperLink.Listener, AutoCloseable {
  private final AppState state;
  private final AppServices services;
  private final HelperLink link;
  private final ExecutorService io;
  private final Keychain keychain;
  private final ConnectFlow connectFlow;
  private final ImportFlow importFlow;
  private boolean autoConnectDone;

  public AppController(AppState state, AppServices services, UserPrompts prompts) {
    this.state = state;
    this.services = services;
    this.io = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fulmar-app-io");
      t.setDaemon(true);
      return t;
    });
    this.link = new HelperLink(services.socket(), services.version(), services.ui(), this,
        services.helperRetry());
    this.keychain = new Keychain(services.secretStore(), io);
    this.importFlow = new ImportFlow(state, services.store(), keychain, prompts, io,
        services.ui());
    this.connectFlow = new ConnectFlow(state, link, keychain, prompts, services.ui(), io,
        services.store().paths().userDir(), importFlow::saveProfile);
  }

  public AppState state() {
    return state;
  }

  /** Loads settings and profiles and starts talking to the helper. */
  public void start() {
    Settings s = services.settingsStore().load();
    state.settingsProperty().set(s.withStartAtLogin(services.autostart().isEnabled()));
    state.settingsProperty().addListener((obs, old, now) -> persist(now));
    state.demoAvailableProperty().set(services.demo() != null);
    importFlow.reload(null);
    link.start();
  }

  // ---- helper events (UI thread) ----

  @Override
  public void onAvailability(Availability a, String message) {
    state.availabilityMessageProperty().set(message);
    state.availabilityProperty().set(a);
    if (a != Availability.READY) {
      state.tunnel().forget();
      state.actionPendingProperty().set(false);
      return;
    }
    Welcome w = link.welcome();
    if (w != null) {
      state.peerUserProperty().set(w.peer().user());
    }
    refreshHelperProfiles();
    link.call(c -> c.policy()).whenCompleteAsync((p, err) -> {
      if (p != null) {
        state.policyProperty().set(p);
      }
    }, services.ui());
    link.call(c -> c.logs(Limits.LOG_RING_LINES, 0)).thenAcceptAsync(r -> {
      List<LogLine> lines = r.lines();
      if (!lines.isEmpty() && lines.get(lines.size() - 1).seq() < state.logs().lastSeq()) {
        state.logs().helperRestarted();
      }
      state.logs().addAll(lines);
    }, services.ui());
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof StateEvent s) {
      state.tunnel().apply(s.status());
      connectFlow.onState(s.status());
      maybeConnectOnStart();
    } else if (event instanceof StatsEvent s) {
      state.tunnel().apply(s);
    } else if (event instanceof LogEvent l) {
      state.logs().add(l.line());
    } else if (event instanceof PromptEvent p) {
      connectFlow.onPrompt(p);
    }
  }

  private void refreshHelperProfiles() {
    link.call(c -> c.listProfiles()).whenCompleteAsync((list, err) -> {
      if (list != null) {
        state.profiles().setHelper(list.profiles());
        importFlow.reselect(null);
        maybeConnectOnStart();
      }
    }, services.ui());
  }

  private void maybeConnectOnStart() {
    Settings s = state.settings();
    if (autoConnectDone || !s.connectOnStart() || !state.tunnel().isKnown()) {
      return;
    }
    TunnelState t = state.tunnel().state();
    state.profiles().byId(s.lastProfile()).ifPresent(e -> {
      autoConnectDone = true;
      if (t == TunnelState.DISCONNECTED || t == TunnelState.ERROR) {
        state.selectedProperty().set(e);
        connectFlow.connect(e);
      }
    });
  }

  // ---- user actions (UI thread) ----

  /** Connects the selected profile, or disconnects (cancels) when a tunnel is up or coming up. */
  public void toggle() {
    TunnelState t = state.tunnel().state();
    if (state.tunnel().isKnown() && (t.isActive() || t == TunnelState.DISCONNECTING)) {
      disconnect();
    } else if (state.selectedProperty().get() != null) {
      connect(state.selectedProperty().get());
    } else {
      state.noticeProperty().set(Notice.error("profiles.none.selected"));
    }
  }

  public void connect(ProfileEntry entry) {
    state.selectedProperty().set(entry);
    connectFlow.connect(entry);
  }

  public void disconnect() {
    connectFlow.disconnect();
  }

  /** Lists the profiles again (another program, e.g. the CLI, may have changed them). */
  public void refreshProfiles() {
    importFlow.reload(null);
    if (link.isReady()) {
      refreshHelperProfiles();
    }
  }

  /** Tries to reach the helper now. */
  public void retryHelper() {
    link.retryNow();
  }

  /** Reads a profile file and shows its import report. */
  public void importFile(Path file) {
    importFlow.importFile(file, false);
  }

  /** The import with the user's edits, validated again. */
  public ImportResult revise(ImportResult original, Profile edited) {
    return ImportFlow.revise(original, edited);
  }

  /** Saves an import; the future completes on the UI thread. */
  public CompletableFuture<ProfileImporter.SaveOutcome> saveImport(ImportResult result) {
    return importFlow.save(result);
  }

  /** Deletes a user profile and its remembered secrets. */
  public void delete(ProfileEntry e) {
    importFlow.delete(e);
  }

  /** Imports the demo profile (saving it right away when it is fine). */
  public void startDemo() {
    DemoSource demo = services.demo();
    if (demo == null) {
      return;
    }
    CompletableFuture.supplyAsync(() -> {
      try {
        return demo.profileFile();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((file, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notice.error("demo.unavailable",
            String.valueOf(Notices.unwrap(err).getMessage())));
      } else {
        importFlow.importFile(file, true);
      }
    }, services.ui());
  }

  /** Changes settings: stored at once, start-at-login applied. */
  public void updateSettings(Settings changed) {
    Settings before = state.settings();
    if (changed.startAtLogin() != before.startAtLogin()) {
      CompletableFuture.runAsync(() -> {
        try {
          services.autostart().setEnabled(changed.startAtLogin());
        } catch (IOException e) {
          throw new CompletionException(e);
        }
      }, io).whenCompleteAsync((ok, err) -> {
        if (err != null) {
          state.noticeProperty().set(Notice.error("settings.autostartFailed",
              String.valueOf(Notices.unwrap(err).getMessage())));
          state.settingsProperty().set(state.settings().withStartAtLogin(
              services.autostart().isEnabled()));
        }
      }, services.ui());
    }
    state.settingsProperty().set(changed);
  }

  /** Where start-at-login is stored, for the settings page. */
  public String autostartLocation() {
    return services.autostart().location();
  }

  private void persist(Settings s) {
    CompletableFuture.runAsync(() -> {
      try {
        services.settingsStore().save(s);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((ok, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notice.error("settings.saveFailed",
            String.valueOf(Notices.unwrap(err).getMessage())));
      }
    }, services.ui());
  }

  /** Asks the helper for its diagnostics bundle and writes it to {@code target}. */
  public CompletableFuture<Path> saveDiagnostics(Path target) {
    return link.call(c -> c.bundle(Duration.ofMinutes(1))).thenApplyAsync((BundleData b) -> {
      try {
        AtomicFiles.write(target, b.zip());
        return target;
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((p, err) -> state.noticeProperty().set(err == null
        ? Notice.info("logs.bundle.saved", String.valueOf(p))
        : Notice.error("logs.bundle.failed", String.valueOf(Notices.unwrap(err).getMessage()))),
        services.ui());
  }

  /** The helper's suggested file name for a diagnostics bundle is not known before asking. */
  public static String defaultBundleName(java.time.LocalDateTime now) {
    return String.format("fulmar-diagnostics-%1$tY%1$tm%1$td-%1$tH%1$tM%1$tS.zip", now);
  }

  @Override
  public void close() {
    link.close();
    io.shutdownNow();
  }
}
