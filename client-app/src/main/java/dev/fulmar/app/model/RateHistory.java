package dev.fulmar.app.model;

/**
 * The last {@link #capacity()} per-second rates in and out, for the live rate graph. Oldest first;
 * a new sample pushes the oldest out. Not thread-safe: the UI thread owns it.
 */
public final class RateHistory {
  private final long[] in;
  private final long[] out;
  private int start;
  private int size;

  public RateHistory(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2");
    }
    in = new long[capacity];
    out = new long[capacity];
  }

  public int capacity() {
    return in.length;
  }

  /** Number of samples held. */
  public int size() {
    return size;
  }

  /** Adds one second's rates (bytes per second; negative values count as 0). */
  public void add(long rateIn, long rateOut) {
    int i = (start + size) % in.length;
    if (size == in.length) {
      start = (start + 1) % in.length;
    } else {
      size++;
    }
    in[i] = Math.max(0, rateIn);
    out[i] = Math.max(0, rateOut);
  }

  /** The inbound rate of sample {@code i} (0 is the oldest). */
  public long in(int i) {
    return in[index(i)];
  }

  /** The outbound rate of sample {@code i} (0 is the oldest). */
  public long out(int i) {
    return out[index(i)];
  }

  /** The largest rate in either direction, at least 1 (the graph's scale). */
  public long peak() {
    long max = 1;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, Math.max(in(i), out(i)));
    }
    return max;
  }

  /** Forgets every sample (a new tunnel starts a new graph). */
  public void clear() {
    start = 0;
    size = 0;
  }

  private int index(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("sample " + i + " of " + size);
    }
    return (start + i) % in.length;
  }
}
