package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What all labs of this JVM share: namespace names with a per-run prefix, the removal of
 * namespaces left behind by crashed runs, the lab directories, and the shutdown hook.
 *
 * <p>A namespace is named {@code flab-<pid>-<start>-<n>-<role>}, where pid and start (hex epoch
 * seconds) identify the JVM that created it. A namespace whose JVM no longer runs is stale.
 */
final class LabRuns {
  static final String PREFIX = "flab-";
  private static final Pattern NAME = Pattern.compile("flab-(\\d+)-([0-9a-f]+)-\\d+-[a-z]+");
  private static final Set<Lab> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile boolean staleCleaned;
  private static volatile boolean hookInstalled;
  private static volatile Lab lastClosed;

  private LabRuns() {}

  static String namespaceName(int seq, String role) {
    ProcessHandle self = ProcessHandle.current();
    return PREFIX + self.pid() + "-" + Long.toHexString(startSecond(self).orElse(0L)) + "-" + seq
        + "-" + role;
  }

  private static Optional<Long> startSecond(ProcessHandle p) {
    return p.info().startInstant().map(Instant::getEpochSecond);
  }

  /** Whether the JVM that created a namespace of this name is still running. */
  static boolean ownerAlive(String namespace) {
    Matcher m = NAME.matcher(namespace);
    if (!m.matches()) {
      return true; // not ours to judge
    }
    long pid = Long.parseLong(m.group(1));
    long start = Long.parseLong(m.group(2), 16);
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(LabRuns::startSecond)
        .map(s -> Math.abs(s - start) <= 1)
        .orElse(false);
  }

  /** Deletes namespaces of earlier runs whose JVM is gone (killed, crashed). Once per JVM. */
  static synchronized void cleanStaleOnce() {
    if (!staleCleaned) {
      cleanStale();
      staleCleaned = true;
    }
  }

  /** Deletes every lab namespace whose JVM is gone. */
  static synchronized void cleanStale() {
    for (String ns : listNamespaces()) {
      if (ns.startsWith(PREFIX) && NAME.matcher(ns).matches() && !ownerAlive(ns)) {
        System.err.println("lab: removing stale namespace " + ns + " of an earlier run");
        deleteNamespace(ns).forEach(p -> System.err.println("lab: " + p));
      }
    }
  }

  static List<String> listNamespaces() {
    List<String> names = new ArrayList<>();
    for (String line : Cmd.run("ip", "netns", "list").stdout().split("\n")) {
      if (!line.isBlank()) {
        names.add(line.strip().split("\\s+")[0]);
      }
    }
    return names;
  }

  /** Kills whatever still runs in a namespace and deletes it; returns problems, if any. */
  static List<String> deleteNamespace(String namespace) {
    List<String> problems = new ArrayList<>();
    for (long pid : Netns.pidsOf(namespace)) {
      ProcessHandle.of(pid).ifPresent(h -> {
        h.destroyForcibly();
        h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> h)
            .join();
      });
    }
    Cmd.Result r = Cmd.probe("ip", "netns", "delete", namespace);
    if (!r.ok() && listNamespaces().contains(namespace)) {
      problems.add("cannot delete namespace " + namespace + ": " + r.stderr().strip());
    }
    return problems;
  }

  static void register(Lab lab) {
    installHook();
    OPEN.add(lab);
  }

  static void unregister(Lab lab) {
    OPEN.remove(lab);
    lastClosed = lab;
  }

  /** The labs a failing test may have used: those open now and the one closed last. */
  static List<Lab> forDiagnosis() {
    List<Lab> labs = new ArrayList<>(OPEN);
    Lab last = lastClosed;
    if (last != null && !labs.contains(last)) {
      labs.add(last);
    }
    return labs;
  }

  private static synchronized void installHook() {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Lab lab : List.copyOf(OPEN)) {
          System.err.println("lab: closing " + lab.name() + " at JVM exit");
          lab.closeQuietly();
        }
      }, "lab-shutdown"));
      hookInstalled = true;
    }
  }

  /** The base directory for lab output: {@code -Dfulmar.lab.dir}, else target/lab. */
  static Path baseDir() {
    return Path.of(System.getProperty("fulmar.lab.dir", "target/lab")).toAbsolutePath();
  }

  /** An empty directory for one lab's output (the output of an earlier run is removed). */
  static Path labDir(String name) {
    Path dir = baseDir().resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare lab directory " + dir, e);
    }
    return dir;
  }
}
