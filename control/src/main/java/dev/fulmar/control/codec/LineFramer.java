package dev.fulmar.control.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n} (a {@code \r} before it is dropped; empty
 * lines are skipped). A line longer than the limit is reported once with {@link Sink#oversize()}
 * and its bytes are discarded up to the next newline, so memory stays bounded whatever the peer
 * sends. Not thread-safe: one framer per connection.
 */
public final class LineFramer {
  /** Receives what the framer finds. */
  public interface Sink {
    /** A complete line without its newline: {@code buf[off, off+len)}, valid during the call. */
    void line(byte[] buf, int off, int len);

    /** A line passed the limit; its bytes are being discarded. */
    void oversize();
  }

  private final int maxLineBytes;
  private byte[] buf;
  private int used;
  private boolean discarding;

  public LineFramer(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.buf = new byte[Math.min(8192, maxLineBytes + 1)];
  }

  /** Whether bytes of an unfinished line are buffered (or being discarded). */
  public boolean hasPartialLine() {
    return used > 0 || discarding;
  }

  /** Consumes every remaining byte of {@code src}. */
  public void feed(ByteBuffer src, Sink sink) {
    while (src.hasRemaining()) {
      byte b = src.get();
      if (b == '\n') {
        endLine(sink);
      } else if (discarding) {
        continue;
      } else if (used == maxLineBytes + 1) {
        discarding = true;
        wipe();
        sink.oversize();
      } else {
        append(b);
      }
    }
  }

  private void endLine(Sink sink) {
    if (discarding) {
      discarding = false;
      return;
    }
    int len = used > 0 && buf[used - 1] == '\r' ? used - 1 : used;
    if (len > maxLineBytes) {
      wipe();
      sink.oversize();
      return;
    }
    if (len > 0) {
      try {
        sink.line(buf, 0, len);
      } finally {
        wipe();
      }
    }
    used = 0;
  }

  private void append(byte b) {
    if (used == buf.length) {
      byte[] bigger = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLineBytes + 2));
      Arrays.fill(buf, (byte) 0);
      buf = bigger;
    }
    buf[used++] = b;
  }

  /** Zeroes the buffered bytes (a line may have held a password). */
  private void wipe() {
    Arrays.fill(buf, 0, used, (byte) 0);
    used = 0;
  }
}
