package dev.fulmar.app.tray;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.ProfileEntry;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * The tray icon (FXTrayIcon over {@code java.awt.SystemTray}): its picture and tooltip follow
 * the helper's state, its menu is {@link TrayMenu}. Where the desktop has no tray, {@link
 * #install} returns null and the window is the app.
 */
public final class TrayController {
  private final FXTrayIcon icon;
  private final AppState state;
  private final Supplier<Messages> messages;
  private final Actions actions;
  private final int size;
  private TrayIconState shown;

  /** What the menu items do. */
  public interface Actions {
    void connect(ProfileEntry e);

    void disconnect();

    void open();

    void quit();
  }

  private TrayController(FXTrayIcon icon, AppState state, Supplier<Messages> messages,
      Actions actions, int size) {
    this.icon = icon;
    this.state = state;
    this.messages = messages;
    this.actions = actions;
    this.size = size;
  }

  /** Whether this desktop has a system tray. */
  public static boolean supported() {
    try {
      return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Puts the icon into the tray, or returns null when there is no tray. */
  public static TrayController install(Stage stage, AppState state, Supplier<Messages> messages,
      Actions actions) {
    if (!supported()) {
      return null;
    }
    int size = SystemTray.getSystemTray().getTrayIconSize().height;
    TrayIconState first = current(state);
    FXTrayIcon icon = new FXTrayIcon(stage, first.icon(size), size, size);
    icon.setApplicationTitle(messages.get().get("app.title"));
    icon.setOnAction(e -> actions.open());
    TrayController c = new TrayController(icon, state, messages, actions, size);
    InvalidationListener l = o -> c.refresh();
    state.availabilityProperty().addListener(l);
    state.tunnel().statusProperty().addListener(l);
    state.tunnel().knownProperty().addListener(l);
    state.profiles().entries().addListener(l);
    c.refresh();
    icon.show();
    return c;
  }

  private static TrayIconState current(AppState s) {
    return TrayIconState.of(s.availability(), s.tunnel().isKnown(), s.tunnel().state());
  }

  /** Updates picture, tooltip and menu (also after a language change). */
  public void refresh() {
    Messages m = messages.get();
    TrayIconState now = current(state);
    if (now != shown) {
      icon.setGraphic(now.icon(size), size, size);
      shown = now;
    }
    icon.setTrayIconTooltip(TrayMenu.tooltip(state, m));
    icon.clear();
    for (TrayMenu.Item item : TrayMenu.items(state, m)) {
      if (item.action() == TrayMenu.Action.SEPARATOR) {
        icon.addSeparator();
        continue;
      }
      MenuItem mi = new MenuItem(item.label());
      mi.setDisable(!item.enabled());
      Consumer<TrayMenu.Item> run = this::run;
      mi.setOnAction(e -> run.accept(item));
      icon.addMenuItem(mi);
    }
  }

  private void run(TrayMenu.Item item) {
    switch (item.action()) {
      case CONNECT -> actions.connect(item.profile());
      case DISCONNECT -> actions.disconnect();
      case OPEN -> actions.open();
      case QUIT -> actions.quit();
      default -> { }
    }
  }

  /** Removes the icon from the tray. */
  public void remove() {
    icon.hide();
  }
}
