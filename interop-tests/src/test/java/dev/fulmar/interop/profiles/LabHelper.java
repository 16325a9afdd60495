package dev.fulmar.interop.profiles;

import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The helper {@code fulmard daemon} in the lab's client namespace, as the service runs it: a
 * child JVM as root, its socket, journal, system profiles and policy in the lab directory, and a
 * mount namespace of its own with an overlay over {@code /etc} and an empty {@code /run}, so the
 * {@code resolv.conf} it rewrites is a private copy. The lab stops it (by PID) when it closes.
 */
final class LabHelper {
  private final Lab lab;
  private final String operatorGroup;
  private final Path dir;
  private LabProcess process;

  /** A helper whose socket lets {@code operatorGroup}'s members connect and disconnect. */
  LabHelper(Lab lab, String operatorGroup) {
    this.lab = lab;
    this.operatorGroup = operatorGroup;
    this.dir = lab.uniqueDir("fulmard-helper");
  }

  Path socket() {
    return dir.resolve("run").resolve("control.sock");
  }

  /** Starts the helper and waits until its socket answers. */
  void start() {
    Path upper = dir.resolve("etc-upper");
    Path work = dir.resolve("etc-work");
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String script = "mount -t overlay fulmar-etc -o lowerdir=/etc,upperdir=" + upper
        + ",workdir=" + work + " /etc && mount -t tmpfs fulmar-run /run && exec \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), "dev.fulmar.helper.Fulmard", "daemon",
        "--socket", socket().toString(), "--journal-dir", dir.resolve("journal").toString(),
        "--profiles-dir", dir.resolve("profiles").toString(),
        "--policy", dir.resolve("policy.json").toString(), "--operator-group", operatorGroup));
    process = lab.start(lab.client(), "fulmard-helper", cmd);
    awaitListening(Duration.ofSeconds(60));
  }

  private void awaitListening(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("fulmard daemon ended (exit " + process.exitValue() + "):\n"
            + process.logTail(40));
      }
      if (log().contains(" ready (pid ")) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          c.connect(UnixDomainSocketAddress.of(socket()));
          return;
        } catch (IOException e) {
          // not listening yet
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("fulmard daemon not listening after " + timeout + ":\n"
        + process.logTail(40));
  }

  /** Everything the helper wrote to its log. */
  String log() {
    try {
      return Files.readString(process.log(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
