package dev.fulmar.adapters.unix;

import java.io.IOException;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The few POSIX calls that Linux (glibc) and macOS (libSystem) share with the same C signature,
 * bound with jnr-ffi when first used, so that merely loading a class of another OS's adapter never
 * touches the native library.
 */
final class PosixLibC {

  /** {@code ERANGE}: 34 in both Linux's {@code asm-generic/errno-base.h} and Darwin's errno.h. */
  static final int ERANGE = 34;

  private PosixLibC() {}

  /**
   * The bound calls. {@code long} stands for {@code size_t} (LP64 on every platform we ship);
   * {@code socklen_t} is a 32-bit unsigned int on both. Public only because jnr-ffi implements it
   * in its own class loader.
   */
  @SaveError
  public interface Calls {

    int getsockopt(int fd, int level, int name, Pointer value, Pointer len);

    int getpwuid_r(int uid, Pointer pwd, Pointer buf, long buflen, Pointer result);

    int getgrgid_r(int gid, Pointer grp, Pointer buf, long buflen, Pointer result);

    int getpwnam_r(String name, Pointer pwd, Pointer buf, long buflen, Pointer result);

    int getgrnam_r(String name, Pointer grp, Pointer buf, long buflen, Pointer result);

    int getgrouplist(@In String user, int group, @Out int[] groups, Pointer ngroups);

    String strerror(int errnum);
  }

  /** Holder: loads the C library on first use. */
  private static final class Loaded {
    static final Calls LIBC = LibraryLoader.create(Calls.class)
        .load(Platform.getNativePlatform().getStandardCLibraryName());
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  static Calls libc() {
    return Loaded.LIBC;
  }

  /** errno of the last failed call on this thread. */
  static int errno() {
    return LastError.getLastError(Loaded.RUNTIME);
  }

  /** Zeroed native memory, freed when unreachable. */
  static Pointer allocate(int size) {
    return Memory.allocateDirect(Loaded.RUNTIME, size, true);
  }

  /** An exception naming {@code what} failed with errno {@code err} and its text. */
  static IOException error(String what, int err) {
    return new IOException(what + ": " + libc().strerror(err) + " (errno " + err + ")");
  }
}
