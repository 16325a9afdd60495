package dev.fulmar.app.model;

import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The tunnel exactly as the helper last reported it: the status from {@code state} events and
 * the counters from {@code stats} events. Nothing here is inferred from what the user clicked;
 * while the helper is unreachable the state is unknown ({@link #knownProperty()} is false).
 * Confined to the UI thread.
 */
public final class TunnelModel {
  /** Seconds of rates the graph shows. */
  public static final int GRAPH_SECONDS = 60;

  private final ReadOnlyBooleanWrapper known = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<TunnelStatus> status =
      new ReadOnlyObjectWrapper<>(TunnelStatus.disconnected(0));
  private final ReadOnlyObjectWrapper<Stats> stats = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyLongWrapper samples = new ReadOnlyLongWrapper();
  private final RateHistory history = new RateHistory(GRAPH_SECONDS);

  /** Takes the helper's new status. */
  public void apply(TunnelStatus s) {
    // a new attempt starts a new graph; reconnecting keeps the one of the running tunnel
    if (s.state() == TunnelState.CONNECTING || s.state() == TunnelState.DISCONNECTED
        || s.state() == TunnelState.ERROR) {
      history.clear();
      stats.set(null);
      samples.set(samples.get() + 1);
    }
    known.set(true);
    status.set(s);
  }

  /** Takes the helper's counters of the last second. */
  public void apply(StatsEvent e) {
    Stats s = e.stats();
    history.add(s.rateInBytesPerSecond(), s.rateOutBytesPerSecond());
    stats.set(s);
    samples.set(samples.get() + 1);
  }

  /** The helper went away: the state is unknown until it reports again. */
  public void forget() {
    known.set(false);
  }

  public ReadOnlyBooleanProperty knownProperty() {
    return known.getReadOnlyProperty();
  }

  public boolean isKnown() {
    return known.get();
  }

  public ReadOnlyObjectProperty<TunnelStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public TunnelStatus status() {
    return status.get();
  }

  public TunnelState state() {
    return status.get().state();
  }

  /** The last counters, or null when none arrived since the tunnel came up. */
  public ReadOnlyObjectProperty<Stats> statsProperty() {
    return stats.getReadOnlyProperty();
  }

  /** Changes whenever the rate history changes (the graph redraws on it). */
  public ReadOnlyLongProperty samplesProperty() {
    return samples.getReadOnlyProperty();
  }

  /** The rates of the last {@link #GRAPH_SECONDS} seconds. */
  public RateHistory history() {
    return history;
  }
}
