package dev.fulmar.core.datapath;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of equally sized packet buffers (wireguard-go's {@code WaitPool}): buffers are
 * created on demand up to the capacity, then {@link #take()} waits until one is given back. A
 * returned buffer is cleared, so no plaintext outlives its packet. Taking and giving allocate
 * nothing.
 */
public final class BufferPool {
  private final int bufferSize;
  private final int capacity;
  private final ArrayBlockingQueue<byte[]> free;
  private final AtomicInteger created = new AtomicInteger();

  public BufferPool(int capacity, int bufferSize) {
    if (capacity < 1 || bufferSize < 1) {
      throw new IllegalArgumentException("capacity and buffer size must be positive");
    }
    this.capacity = capacity;
    this.bufferSize = bufferSize;
    this.free = new ArrayBlockingQueue<>(capacity);
  }

  public int bufferSize() {
    return bufferSize;
  }

  public int capacity() {
    return capacity;
  }

  /** Buffers neither handed out nor not yet created. */
  public int available() {
    return free.size() + capacity - created.get();
  }

  /** A buffer, waiting while all {@link #capacity()} buffers are in use. */
  public byte[] take() throws InterruptedException {
    byte[] b = tryTake();
    return b != null ? b : free.take();
  }

  /** A buffer, or null if all are in use. */
  public byte[] tryTake() {
    byte[] b = free.poll();
    if (b != null) {
      return b;
    }
    while (true) {
      int n = created.get();
      if (n >= capacity) {
        return free.poll();
      }
      if (created.compareAndSet(n, n + 1)) {
        return new byte[bufferSize];
      }
    }
  }

  /** Clears {@code buf} and returns it to the pool. */
  public void give(byte[] buf) {
    if (buf.length != bufferSize) {
      throw new IllegalArgumentException("buffer does not belong to this pool");
    }
    Arrays.fill(buf, (byte) 0);
    if (!free.offer(buf)) {
      throw new IllegalStateException("more buffers given back than taken");
    }
  }
}
