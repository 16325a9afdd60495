package dev.fulmar.core.esp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Packet, byte and per-reason drop counters. Written by the data-path threads without allocation,
 * read at any time by whoever builds statistics for the UI. The counters of an {@link EspSa} are
 * updated only through the SA (its own methods and {@link EspSa#drop}), under its lock.
 */
public final class DropCounters {
  private static final DropReason[] REASONS = DropReason.values();
  private static final int PACKETS = REASONS.length;
  private static final int BYTES = REASONS.length + 1;

  private final AtomicLongArray values = new AtomicLongArray(REASONS.length + 2);
  private final boolean lockedWriters;

  /** Counters that any thread may update at any time (atomic increments). */
  public DropCounters() {
    this(false);
  }

  /**
   * With {@code lockedWriters}, every update happens while the writer holds one and the same
   * lock (the owning SA's), so an increment needs no atomic read-modify-write: a plain read and a
   * release write cannot lose updates, and readers still see each value whole.
   */
  DropCounters(boolean lockedWriters) {
    this.lockedWriters = lockedWriters;
  }

  private void add(int index, long delta) {
    if (lockedWriters) {
      values.setRelease(index, values.getPlain(index) + delta);
    } else {
      values.addAndGet(index, delta);
    }
  }

  /** Counts one packet of {@code bytes} bytes passed through. */
  public void countPacket(int bytes) {
    add(PACKETS, 1);
    add(BYTES, bytes);
  }

  /** Counts one drop. */
  public void countDrop(DropReason reason) {
    add(reason.ordinal(), 1);
  }

  public long packets() {
    return values.get(PACKETS);
  }

  public long bytes() {
    return values.get(BYTES);
  }

  public long drops(DropReason reason) {
    return values.get(reason.ordinal());
  }

  /** Sum of all drops. */
  public long totalDrops() {
    long sum = 0;
    for (int i = 0; i < REASONS.length; i++) {
      sum += values.get(i);
    }
    return sum;
  }

  /** The non-zero drop counters (a copy). */
  public Map<DropReason, Long> dropsByReason() {
    Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
    for (DropReason r : REASONS) {
      long v = values.get(r.ordinal());
      if (v != 0) {
        m.put(r, v);
      }
    }
    return m;
  }
}
