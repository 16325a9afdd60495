package dev.fulmar.app.tray;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.ProfileEntry;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tray menu holds for a given state: a status line, one item per profile (Connect, or
 * Disconnect for the one in use; the others wait while a tunnel is up), "Open Fulmar" and
 * "Quit". Kept apart from the tray library so that it can be tested headless.
 */
public final class TrayMenu {
  private TrayMenu() {}

  /** What selecting an item does. */
  public enum Action {
    NONE,
    CONNECT,
    DISCONNECT,
    OPEN,
    QUIT,
    SEPARATOR
  }

  /** One menu entry. */
  public record Item(String label, Action action, ProfileEntry profile, boolean enabled) {}

  /** The menu for {@code state}. */
  public static List<Item> items(AppState state, Messages m) {
    List<Item> out = new ArrayList<>();
    boolean ready = state.availability() == Availability.READY && state.tunnel().isKnown();
    TunnelStatus s = state.tunnel().status();
    TunnelState t = ready ? s.state() : TunnelState.DISCONNECTED;
    out.add(new Item(m.get("tray.status", tooltip(state, m)), Action.NONE, null, false));
    out.add(new Item("", Action.SEPARATOR, null, false));
    for (ProfileEntry e : state.profiles().entries()) {
      boolean current = s.profile() != null && e.hasName(s.profile());
      if (ready && current && (t.isActive() || t == TunnelState.DISCONNECTING)) {
        out.add(new Item(m.get("tray.disconnect", e.name()), Action.DISCONNECT, e,
            t != TunnelState.DISCONNECTING));
      } else {
        boolean idle = t == TunnelState.DISCONNECTED || t == TunnelState.ERROR;
        out.add(new Item(m.get("tray.connect", e.name()), Action.CONNECT, e, ready && idle));
      }
    }
    if (!state.profiles().entries().isEmpty()) {
      out.add(new Item("", Action.SEPARATOR, null, false));
    }
    out.add(new Item(m.get("action.openWindow"), Action.OPEN, null, true));
    out.add(new Item(m.get("action.quit"), Action.QUIT, null, true));
    return out;
  }

  /** The tray icon's tooltip for {@code state}. */
  public static String tooltip(AppState state, Messages m) {
    if (state.availability() != Availability.READY) {
      return m.get("tray.tooltip.helper");
    }
    if (!state.tunnel().isKnown()) {
      return m.get("tray.tooltip.DISCONNECTED");
    }
    TunnelStatus s = state.tunnel().status();
    return m.get("tray.tooltip." + s.state().name(), s.profile() == null ? "" : s.profile());
  }
}
