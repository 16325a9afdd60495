package dev.fulmar.adapters.unix;

import java.io.IOException;
import jnr.ffi.Pointer;

/** {@code getsockopt(2)} on a raw descriptor, returning exactly the bytes the kernel wrote. */
public final class SocketOptions {
  private SocketOptions() {}

  /**
   * Reads option {@code name} at {@code level} into a zeroed buffer of {@code capacity} bytes.
   *
   * @param what the option's name, for the error message (e.g. {@code "LOCAL_PEERCRED"})
   * @return the first {@code optlen} bytes of the buffer, {@code optlen} as the kernel set it
   * @throws IOException naming the option, errno and its text when the call fails, or when the
   *     kernel reports a length outside {@code 0..capacity}
   */
  public static byte[] get(int fd, int level, int name, int capacity, String what)
      throws IOException {
    Pointer value = PosixLibC.allocate(capacity);
    Pointer len = PosixLibC.allocate(4);
    len.putInt(0, capacity);
    if (PosixLibC.libc().getsockopt(fd, level, name, value, len) != 0) {
      throw PosixLibC.error("getsockopt(" + what + ")", PosixLibC.errno());
    }
    int got = len.getInt(0);
    if (got < 0 || got > capacity) {
      throw new IOException("getsockopt(" + what + ") reported " + got + " bytes in a buffer of "
          + capacity);
    }
    byte[] out = new byte[got];
    value.get(0, out, 0, got);
    return out;
  }
}
