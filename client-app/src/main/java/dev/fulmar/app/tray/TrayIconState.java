package dev.fulmar.app.tray;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.control.message.TunnelState;
import java.net.URL;
import java.util.Locale;

/**
 * The four tray icons and which one the helper's state calls for. Connecting, reconnecting and
 * disconnecting share the amber icon; a helper the app cannot use (not running, not permitted)
 * shows the error icon, because nothing can connect until it is fixed.
 */
public enum TrayIconState {
  DISCONNECTED,
  CONNECTING,
  CONNECTED,
  ERROR;

  /** Rendered sizes available for tray icons. */
  static final int[] SIZES = {16, 24, 32, 48, 64};

  /** The icon for the helper's availability and the tunnel state it reported. */
  public static TrayIconState of(Availability a, boolean known, TunnelState s) {
    if (a == Availability.CONNECTING) {
      return DISCONNECTED;
    }
    if (a != Availability.READY) {
      return ERROR;
    }
    if (!known) {
      return DISCONNECTED;
    }
    return switch (s) {
      case CONNECTED -> CONNECTED;
      case CONNECTING, RECONNECTING, DISCONNECTING -> CONNECTING;
      case ERROR -> ERROR;
      case DISCONNECTED -> DISCONNECTED;
    };
  }

  /** The smallest rendered icon at least {@code size} pixels wide (the largest if none). */
  public URL icon(int size) {
    int pick = SIZES[SIZES.length - 1];
    for (int s : SIZES) {
      if (s >= size) {
        pick = s;
        break;
      }
    }
    String name = "/dev/fulmar/app/icons/tray-" + name().toLowerCase(Locale.ROOT) + "-" + pick
        + ".png";
    return TrayIconState.class.getResource(name);
  }
}
