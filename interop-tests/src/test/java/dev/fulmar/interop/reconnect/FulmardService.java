package dev.fulmar.interop.reconnect;

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
 * {@code fulmard daemon} in the lab's client namespace, as the service runs it: a child JVM as
 * root whose socket, journal, system profiles and policy live in the lab directory, in its own
 * mount namespace with an overlay over {@code /etc} and an empty {@code /run} (the
 * {@code resolv.conf} it rewrites is a private copy: {@link FulmardRunner#systemState} of the
 * same overlay reads it). A start after {@code kill -9} finds the same journal.
 */
final class FulmardService {
  private final Lab lab;
  private final FulmardRunner files;
  private final Path dir;
  private LabProcess process;

  /** @param files the runner whose overlay and journal the daemon shares */
  FulmardService(Lab lab, FulmardRunner files) {
    this.lab = lab;
    this.files = files;
    this.dir = lab.uniqueDir("fulmard-daemon");
  }

  Path socket() {
    return dir.resolve("control.sock");
  }

  LabProcess process() {
    return process;
  }

  /** Starts the daemon and waits until its socket answers. */
  LabProcess start() {
    List<String> cmd = new ArrayList<>(files.privateMounts());
    cmd.add("/dev/null");
    cmd.addAll(FulmardRunner.java());
    cmd.addAll(List.of("daemon", "--socket", socket().toString(),
        "--journal-dir", files.journal().toString(),
        "--profiles-dir", dir.resolve("profiles").toString(),
        "--policy", dir.resolve("policy.json").toString(),
        "--operator-group", "root"));
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
      if (FulmardRunner.read(process.log()).contains(" ready (pid ")) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          c.connect(UnixDomainSocketAddress.of(socket()));
          return;
        } catch (IOException e) {
          // not yet
        }
      }
      FulmardRunner.sleep(100);
    }
    throw new AssertionError("fulmard daemon not listening after " + timeout + ":\n"
        + process.logTail(40));
  }

  /** Everything the daemons of this lab wrote to stderr, all runs. */
  String log() {
    StringBuilder b = new StringBuilder();
    try (var all = Files.list(lab.dir())) {
      for (Path f : all.filter(p -> p.getFileName().toString().startsWith("fulmard-daemon"))
          .filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        b.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
  }
}
