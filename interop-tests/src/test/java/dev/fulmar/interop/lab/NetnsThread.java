package dev.fulmar.interop.lab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A thread that has entered a lab's network namespace with setns(2). Sockets created on it belong
 * to that namespace for their whole life, whichever thread uses them later; so an in-process
 * client (the engine with a real UDP socket) can run inside the client namespace without a
 * separate JVM. Only the network namespace is entered, which Linux allows for one thread of a
 * multi-threaded process.
 */
final class NetnsThread {
  /** CLONE_NEWNET from linux/sched.h. */
  static final int CLONE_NEWNET = 0x40000000;
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;

  /** The few libc calls needed. */
  public interface LibC {
    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);

    String strerror(int errno);
  }

  private static LibC libc;

  private NetnsThread() {}

  private static synchronized LibC libc() {
    if (libc == null) {
      libc = LibraryLoader.create(LibC.class).load("c");
    }
    return libc;
  }

  /** A single-thread executor whose (daemon) thread lives in network namespace {@code name}. */
  static ExecutorService enter(String name) {
    CompletableFuture<Void> entered = new CompletableFuture<>();
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(() -> {
        try {
          setns(name);
          entered.complete(null);
        } catch (RuntimeException e) {
          entered.completeExceptionally(e);
          return;
        }
        r.run();
      }, "netns-" + name);
      t.setDaemon(true);
      return t;
    });
    executor.execute(() -> { });
    try {
      entered.join();
    } catch (RuntimeException e) {
      executor.shutdownNow();
      throw new LabException("cannot enter network namespace " + name + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    return executor;
  }

  private static void setns(String name) {
    LibC c = libc();
    Runtime rt = Runtime.getRuntime(c);
    int fd = c.open("/run/netns/" + name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw new LabException("open /run/netns/" + name + ": " + c.strerror(rt.getLastError()));
    }
    try {
      if (c.setns(fd, CLONE_NEWNET) != 0) {
        throw new LabException("setns " + name + ": " + c.strerror(rt.getLastError()));
      }
    } finally {
      c.close(fd);
    }
  }
}
