package dev.fulmar.interop.daemon;

import dev.fulmar.interop.fulmar.FulmardLauncher;
import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.PrivateEtc;
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
 * {@code fulmard daemon} in the lab's client namespace as the service runs it: a child JVM as
 * root with {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED} (SO_PEERCRED with the pid), its
 * socket, journal, system profiles and policy in the lab directory, and its own mount namespace
 * with an overlay over {@code /etc} and an empty {@code /run}, so the {@code resolv.conf} it
 * rewrites is a private copy. A restart after {@code kill -9} finds the same journal.
 */
public final class FulmardDaemon {
  private final Lab lab;
  private final String operatorGroup;
  private final Path dir;
  private final PrivateEtc etc;
  private final Path journal;
  private LabProcess process;

  public FulmardDaemon(Lab lab, String operatorGroup) {
    this.lab = lab;
    this.operatorGroup = operatorGroup;
    this.dir = lab.uniqueDir("fulmard-daemon");
    this.etc = new PrivateEtc(dir);
    this.journal = dir.resolve("journal");
  }

  /**
   * A daemon (operator group root) that shares the private /etc and the journal of {@code run}:
   * its {@link FulmardRun#systemStateWithFirewall()} reads what the daemon rewrote, and a
   * {@code fulmard run} or {@code cleanup} of it finds what the daemon left.
   */
  public FulmardDaemon(Lab lab, FulmardRun run) {
    this.lab = lab;
    this.operatorGroup = "root";
    this.dir = lab.uniqueDir("fulmard-daemon");
    this.etc = run.etc();
    this.journal = run.journal();
  }

  public Path socket() {
    return dir.resolve("run").resolve("control.sock");
  }

  Path profilesDir() {
    return dir.resolve("profiles");
  }

  /** The daemon process last started. */
  public LabProcess process() {
    return process;
  }

  /** Starts the daemon and waits until its socket answers. */
  public LabProcess start() {
    List<String> cmd = new ArrayList<>(etc.wrap());
    cmd.addAll(java());
    cmd.addAll(List.of("daemon", "--socket", socket().toString(),
        "--journal-dir", journal.toString(),
        "--profiles-dir", profilesDir().toString(),
        "--policy", dir.resolve("policy.json").toString(),
        "--operator-group", operatorGroup));
    process = lab.start(lab.client(), "fulmard-daemon", cmd);
    awaitListening(Duration.ofSeconds(90));
    return process;
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
          // not yet
        }
      }
      sleep(100);
    }
    throw new AssertionError("fulmard daemon not listening after " + timeout + ":\n"
        + process.logTail(40));
  }

  /** Everything the daemon wrote to stderr (all its runs). */
  public String log() {
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(lab.dir())) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("fulmard-daemon"))
          .filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        b.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
  }

  /** What the client namespace looks like: routes, addresses, the daemon's resolver. */
  String systemState() {
    return etc.systemState(lab.client());
  }

  /** The helper's command line as the service starts it (SO_PEERCRED needs sun.nio.ch). */
  static List<String> java() {
    return FulmardLauncher.java("-Xmx512m", "-XX:+UseParallelGC",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
