package dev.fulmar.core.esp;

/**
 * Anti-replay sliding window (RFC 4303 §3.4.3) with extended sequence numbers (§2.2.1, Appendix
 * A2): a bitmap of {@code size} bits indexed by sequence number modulo the size, and the highest
 * authenticated sequence number {@code top}. Sequence numbers are unsigned 64-bit values.
 *
 * <p>Use is check-then-commit: {@link #check} before decryption, {@link #commit} only after the
 * ICV verified, so that forged packets cannot move the window. Not thread-safe; the owning SA
 * serialises access.
 */
final class ReplayWindow {
  /** The smallest window this data path uses (the issue asks for at least 1024). */
  static final int MIN_SIZE = 1024;

  private final int size;
  private final long[] bits;
  private long top;

  ReplayWindow(int size) {
    this(size, 0);
  }

  /** A window whose highest accepted sequence number is already {@code initialTop} (tests). */
  ReplayWindow(int size, long initialTop) {
    if (size < MIN_SIZE || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("window size must be a power of two >= 1024: " + size);
    }
    this.size = size;
    this.bits = new long[size / 64];
    this.top = initialTop;
  }

  int size() {
    return size;
  }

  long top() {
    return top;
  }

  /**
   * The full 64-bit sequence number for the low 32 bits {@code seqLow} received in a packet of an
   * ESN SA, per RFC 4303 Appendix A2.2 (the high half is guessed from the window position).
   */
  long inferEsn(int seqLow) {
    long tl = top & 0xFFFF_FFFFL;
    long th = top >>> 32;
    long sl = seqLow & 0xFFFF_FFFFL;
    long w = size;
    long sh;
    if (tl >= w - 1) { // case A: the window does not span a wrap of the low half
      sh = sl >= tl - w + 1 ? th : th + 1;
    } else { // case B: the window spans the wrap
      sh = sl >= ((tl - w + 1) & 0xFFFF_FFFFL) ? th - 1 : th;
    }
    return (sh << 32) | sl;
  }

  /**
   * Checks {@code seq} against the window without changing it.
   *
   * @return null if the packet may be decrypted, else the reason to drop it
   */
  DropReason check(long seq) {
    if (seq == 0) {
      return DropReason.BAD_SEQUENCE_NUMBER;
    }
    if (Long.compareUnsigned(seq, top) > 0) {
      return null;
    }
    if (Long.compareUnsigned(top - seq, size) >= 0) {
      return DropReason.OUTSIDE_REPLAY_WINDOW;
    }
    int index = (int) (seq & (size - 1));
    return (bits[index >>> 6] & (1L << index)) != 0 ? DropReason.REPLAYED : null;
  }

  /** Marks {@code seq} as received; call only after its ICV verified and {@link #check} passed. */
  void commit(long seq) {
    if (Long.compareUnsigned(seq, top) > 0) {
      long advance = seq - top;
      if (Long.compareUnsigned(advance, size) >= 0) {
        java.util.Arrays.fill(bits, 0L);
      } else {
        for (long s = top + 1; s != seq; s++) {
          int i = (int) (s & (size - 1));
          bits[i >>> 6] &= ~(1L << i);
        }
      }
      top = seq;
    }
    int index = (int) (seq & (size - 1));
    bits[index >>> 6] |= 1L << index;
  }
}
