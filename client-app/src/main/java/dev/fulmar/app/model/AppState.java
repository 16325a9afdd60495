package dev.fulmar.app.model;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.message.Policy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Everything the windows and the tray show, as observable properties: the helper's
 * availability, the tunnel, the profiles, the log, the policy, the settings and the latest
 * notice. Confined to the UI thread; only the controllers write it.
 */
public final class AppState {
  private final ObjectProperty<Availability> availability =
      new SimpleObjectProperty<>(Availability.CONNECTING);
  private final StringProperty availabilityMessage = new SimpleStringProperty("");
  private final StringProperty peerUser =
      new SimpleStringProperty(System.getProperty("user.name", ""));
  private final TunnelModel tunnel = new TunnelModel();
  private final ProfilesModel profiles = new ProfilesModel();
  private final LogModel logs = new LogModel();
  private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(Policy.DEFAULT);
  private final ObjectProperty<ProfileEntry> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
  private final BooleanProperty actionPending = new SimpleBooleanProperty(false);
  private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.DEFAULTS);
  private final BooleanProperty demoAvailable = new SimpleBooleanProperty(false);

  /** Whether the helper can be talked to, and if not, why. */
  public ObjectProperty<Availability> availabilityProperty() {
    return availability;
  }

  public Availability availability() {
    return availability.get();
  }

  /** The client library's explanation of the availability (English), or "". */
  public StringProperty availabilityMessageProperty() {
    return availabilityMessage;
  }

  /** The account name the helper knows this user by (for "not permitted" advice). */
  public StringProperty peerUserProperty() {
    return peerUser;
  }

  public TunnelModel tunnel() {
    return tunnel;
  }

  public ProfilesModel profiles() {
    return profiles;
  }

  public LogModel logs() {
    return logs;
  }

  /** The helper's policy (the defaults until it told us). */
  public ObjectProperty<Policy> policyProperty() {
    return policy;
  }

  /** The profile chosen in the list (the one Connect uses). */
  public ObjectProperty<ProfileEntry> selectedProperty() {
    return selected;
  }

  /** The latest notice, or null. */
  public ObjectProperty<Notice> noticeProperty() {
    return notice;
  }

  /** True from a Connect or Disconnect click until the helper reacted. */
  public BooleanProperty actionPendingProperty() {
    return actionPending;
  }

  public ObjectProperty<Settings> settingsProperty() {
    return settings;
  }

  public Settings settings() {
    return settings.get();
  }

  /** Whether the first-run demo can be offered. */
  public BooleanProperty demoAvailableProperty() {
    return demoAvailable;
  }
}
