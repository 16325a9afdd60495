package dev.fulmar.adapters.linux;

import java.io.IOException;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/** The loaded libc, errno access and the Linux constants the adapters share. */
final class Native {

  static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  // errno values (asm-generic/errno-base.h, errno.h)
  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int EACCES = 13;
  static final int EBUSY = 16;
  static final int EEXIST = 17;
  static final int ENODEV = 19;
  static final int EINVAL = 22;
  static final int ENOBUFS = 105;
  static final int EMSGSIZE = 90;
  static final int EIO = 5;

  // fcntl.h
  static final int O_RDWR = 0x2;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;

  // poll.h
  static final short POLLIN = 0x1;
  static final short POLLOUT = 0x4;

  // sys/eventfd.h
  static final int EFD_NONBLOCK = O_NONBLOCK;
  static final int EFD_CLOEXEC = O_CLOEXEC;

  // sched.h
  static final int CLONE_NEWNET = 0x40000000;

  private Native() {}

  /**
   * The libc functions the Linux adapters call, bound with jnr-ffi. Buffers are native memory
   * ({@link Pointer}) so that no call copies Java arrays behind our back; {@code long} stands for
   * {@code size_t}/{@code ssize_t} and for {@code ioctl}'s request and argument (LP64). Public
   * only because jnr-ffi implements it in its own class loader; the enclosing class keeps it
   * inside this package.
   */
  @SaveError
  public interface LibC {

    int open(String path, int flags);

    int close(int fd);

    long read(int fd, Pointer buf, long count);

    long write(int fd, Pointer buf, long count);

    int ioctl(int fd, long request, long arg);

    int poll(Pointer fds, long nfds, int timeoutMillis);

    int eventfd(int initval, int flags);

    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer addr, int addrlen);

    int setsockopt(int fd, int level, int name, Pointer value, int len);

    int getsockopt(int fd, int level, int name, Pointer value, Pointer len);

    int getsockname(int fd, Pointer addr, Pointer addrlen);

    long sendmsg(int fd, Pointer msghdr, int flags);

    long recvmsg(int fd, Pointer msghdr, int flags);

    int sendmmsg(int fd, Pointer msgvec, int vlen, int flags);

    int recvmmsg(int fd, Pointer msgvec, int vlen, int flags, Pointer timeout);

    long recv(int fd, Pointer buf, long len, int flags);

    int setns(int fd, int nstype);

    int if_nametoindex(String name);

    Pointer if_indextoname(int index, Pointer name);

    String strerror(int errnum);
  }


  /** errno of the last failed call on this thread. */
  static int errno() {
    return LastError.getLastError(RUNTIME);
  }

  /** An exception naming {@code what} failed with errno {@code err} and its text. */
  static IOException error(String what, int err) {
    return new NativeException(what + ": " + LIBC.strerror(err) + " (errno " + err + ")", err);
  }

  /** Zeroed native memory, freed when unreachable. */
  static Pointer allocate(int size) {
    return Memory.allocateDirect(RUNTIME, size, true);
  }

  /** An {@link IOException} that keeps the errno for callers that react to specific ones. */
  static final class NativeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    NativeException(String message, int errno) {
      super(message);
      this.errno = errno;
    }

    int errno() {
      return errno;
    }
  }
}
