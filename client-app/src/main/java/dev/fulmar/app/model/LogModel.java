package dev.fulmar.app.model;

import dev.fulmar.control.message.LogLine;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The helper's (already redacted) log as the app has seen it: the history fetched at connect and
 * every line pushed since, in order, without duplicates, at most {@link #MAX_LINES}. Confined to
 * the UI thread.
 */
public final class LogModel {
  /** Lines kept; older ones are dropped. */
  public static final int MAX_LINES = 5000;
  private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
  private long lastSeq = -1;

  public ObservableList<LogLine> lines() {
    return lines;
  }

  /** The sequence number of the newest line held, or 0. */
  public long lastSeq() {
    return Math.max(0, lastSeq);
  }

  /** Adds one line unless it is not newer than the last one held. */
  public void add(LogLine line) {
    addAll(List.of(line));
  }

  /** Adds lines in order, skipping those already held. */
  public void addAll(List<LogLine> more) {
    List<LogLine> fresh = more.stream().filter(l -> l.seq() > lastSeq).toList();
    if (fresh.isEmpty()) {
      return;
    }
    lastSeq = fresh.get(fresh.size() - 1).seq();
    lines.addAll(fresh);
    int excess = lines.size() - MAX_LINES;
    if (excess > 0) {
      lines.remove(0, excess);
    }
  }

  /** The helper restarted (its sequence numbers start again). */
  public void helperRestarted() {
    lastSeq = -1;
  }
}
