package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace that a test creates and removes, with two ways to act inside it: commands
 * through {@link #runner()} ({@code ip netns exec NAME ...}) and Java code through {@link #call}
 * on a dedicated thread that joined the namespace with {@code setns(2)}. Network namespace
 * membership is per thread, so sockets, TUN devices and netlink sockets that code creates live in
 * the namespace, and so do threads it starts.
 */
final class NetNs implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String name;
  private final ExecutorService thread;
  private final CommandRunner runner;

  private NetNs(String name) throws IOException {
    this.name = name;
    this.runner = new ProcessCommandRunner(List.of("ip", "netns", "exec", name), TIMEOUT);
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "netns-" + name);
      t.setDaemon(true);
      return t;
    });
    try {
      call(this::join);
    } catch (IOException | RuntimeException | Error e) {
      thread.shutdownNow();
      throw e;
    }
  }

  /**
   * Creates {@code fulmar-t-<random>} with its loopback up and IPv6 duplicate address detection
   * off.
   *
   * @throws AssertionError naming what is missing when the test cannot run here
   */
  static NetNs create() throws IOException {
    requireRoot();
    String name = "fulmar-t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    new ProcessCommandRunner(TIMEOUT).check("ip", "netns", "add", name);
    try {
      NetNs ns = new NetNs(name);
      ns.exec("ip", "link", "set", "lo", "up");
      // no duplicate address detection: addresses never sit "tentative", so snapshots compare
      ns.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0",
          "net.ipv6.conf.default.accept_dad=0");
      return ns;
    } catch (IOException | RuntimeException | Error e) {
      new ProcessCommandRunner(TIMEOUT).run("ip", "netns", "del", name);
      throw e;
    }
  }

  /** Fails (does not skip) with a clear message when not root or without /dev/net/tun. */
  static void requireRoot() throws IOException {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (!Integer.valueOf(0).equals(uid)) {
      throw new AssertionError("this test needs root (CAP_NET_ADMIN, network namespaces);"
          + " CI runs as root: run the build as root");
    }
    if (!Files.exists(Path.of("/dev/net/tun"))) {
      throw new AssertionError("this test needs /dev/net/tun (modprobe tun)");
    }
  }

  String name() {
    return name;
  }

  /** Runs commands inside the namespace. */
  CommandRunner runner() {
    return runner;
  }

  /** Runs a command inside the namespace and returns its output; fails on a non-zero exit. */
  String exec(String... argv) throws IOException {
    return runner.check(argv);
  }

  /** Runs {@code task} on the namespace's thread. */
  <T> T call(Callable<T> task) throws IOException {
    try {
      return thread.submit(task).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IOException("task in namespace " + name + " did not finish", e);
    }
  }

  private Void join() throws IOException {
    int fd = LIBC.open("/run/netns/" + name, Native.O_CLOEXEC);
    if (fd < 0) {
      throw Native.error("open /run/netns/" + name, Native.errno());
    }
    try {
      if (LIBC.setns(fd, Native.CLONE_NEWNET) != 0) {
        throw Native.error("setns " + name, Native.errno());
      }
    } finally {
      LIBC.close(fd);
    }
    return null;
  }

  /** Stops the thread and deletes the namespace (and everything in it). */
  @Override
  public void close() throws IOException {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    new ProcessCommandRunner(TIMEOUT).check("ip", "netns", "del", name);
  }
}
