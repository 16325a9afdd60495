package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jnr.ffi.Pointer;

/**
 * A non-blocking file descriptor whose blocking waits end when it is closed.
 *
 * <p>Linux does not wake a thread blocked in {@code read} on a descriptor that another thread
 * closes, and closing a descriptor that another thread still uses risks that thread touching a
 * reused number. So I/O runs inside {@link #enter()}/{@link #exit()} sections (a read lock), waits
 * {@code poll} on the descriptor and an eventfd, and {@link #close()} first signals the eventfd,
 * then takes the write lock (every section has ended) and only then closes the descriptor.
 */
final class WakeableFd implements Closeable {

  private static final int POLLFD_SIZE = 8; // struct pollfd { int fd; short events, revents; }

  private final int fd;
  private final int wakeFd;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /** Takes ownership of {@code fd}, which must already be non-blocking. */
  WakeableFd(int fd) throws IOException {
    int efd = LIBC.eventfd(0, Native.EFD_NONBLOCK | Native.EFD_CLOEXEC);
    if (efd < 0) {
      int err = Native.errno();
      LIBC.close(fd);
      throw Native.error("eventfd", err);
    }
    this.fd = fd;
    this.wakeFd = efd;
  }

  /** The descriptor; valid only inside a section. */
  int fd() {
    return fd;
  }

  /** A buffer for {@link #await}; one per thread that waits. */
  static Pointer newPollFds() {
    return Native.allocate(2 * POLLFD_SIZE);
  }

  /**
   * Starts an I/O section.
   *
   * @throws ClosedChannelException when the descriptor is closed
   */
  void enter() throws ClosedChannelException {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new ClosedChannelException();
    }
  }

  /** Ends an I/O section. */
  void exit() {
    lock.readLock().unlock();
  }

  /**
   * Inside a section: blocks until the descriptor is ready for {@code events} ({@link
   * Native#POLLIN} or {@link Native#POLLOUT}).
   *
   * @throws ClosedChannelException when the descriptor is closed while waiting
   */
  void await(Pointer pollFds, short events) throws IOException {
    pollFds.putInt(0, fd);
    pollFds.putShort(4, events);
    pollFds.putShort(6, (short) 0);
    pollFds.putInt(POLLFD_SIZE, wakeFd);
    pollFds.putShort(POLLFD_SIZE + 4, Native.POLLIN);
    pollFds.putShort(POLLFD_SIZE + 6, (short) 0);
    while (LIBC.poll(pollFds, 2, -1) < 0) {
      int err = Native.errno();
      if (err != Native.EINTR) {
        throw Native.error("poll", err);
      }
    }
    if (closed || pollFds.getShort(POLLFD_SIZE + 6) != 0) {
      throw new ClosedChannelException();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Wakes every waiter, waits for the sections to end, then closes. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Pointer one = Native.allocate(8);
    one.putLong(0, 1L);
    LIBC.write(wakeFd, one, 8);
    lock.writeLock().lock();
    try {
      LIBC.close(fd);
      LIBC.close(wakeFd);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
