package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The Debian unstable chroot that holds strongSwan 6.1 with ML-KEM. Built once by debootstrap
 * ({@code build-sid-chroot.sh}, about a minute and 220 MB) into the cache directory ({@code
 * -Dfulmar.lab.cache}, default /var/cache/fulmar-interop) under a name derived from the build
 * script's hash, and reused while it is complete. Builds are serialized across JVMs by a file lock.
 * Nothing here ever deletes a chroot: the script removes only its own unfinished build, and only
 * when nothing is mounted below it.
 */
public final class SidChroot {
  static final String SCRIPT = "build-sid-chroot.sh";
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  private static SidChroot instance;

  private final Path root;
  private final String versions;

  private SidChroot(Path root, String versions) {
    this.root = root;
    this.versions = versions;
  }

  /** The chroot's directory. */
  public Path root() {
    return root;
  }

  /** "package version" lines of the strongSwan and OpenSSL packages inside. */
  public String versions() {
    return versions;
  }

  /** Returns the cached chroot, building it first if needed. */
  public static synchronized SidChroot ensure() {
    if (instance != null) {
      return instance;
    }
    Prerequisites.requireLab();
    if (Prerequisites.which("debootstrap") == null) {
      throw new MissingPrerequisiteException(Prerequisites.message(List.of(
          "program 'debootstrap' (Debian packages debootstrap and debian-archive-keyring),"
              + " needed to build the strongSwan 6.1 chroot")));
    }
    byte[] script = script();
    Path base = cacheDir();
    Path root = base.resolve("sid-" + HexFormat.of().formatHex(sha256(script), 0, 6));
    try {
      Files.createDirectories(base);
      try (FileChannel ch = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        FileLock lock = ch.lock(); // another JVM may be building the same chroot: wait for it
        try {
          if (!complete(root)) {
            build(base, root, script);
          }
        } finally {
          lock.release();
        }
      }
      String versions = Files.readString(root.resolve("fulmar-versions.txt")).strip();
      System.out.println("lab: strongSwan 6.1 runs from " + root + ", built "
          + Files.readString(root.resolve("fulmar-built-at.txt")).strip() + ": "
          + versions.replace('\n', ','));
      instance = new SidChroot(root, versions);
      return instance;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sid chroot in " + base, e);
    }
  }

  static Path cacheDir() {
    return Path.of(System.getProperty("fulmar.lab.cache", "/var/cache/fulmar-interop"));
  }

  static boolean complete(Path root) {
    return Files.isRegularFile(root.resolve("fulmar-built-at.txt"))
        && Files.isRegularFile(root.resolve("fulmar-versions.txt"))
        && Files.isExecutable(root.resolve("usr/sbin/charon-systemd"))
        && Files.isExecutable(root.resolve("usr/sbin/swanctl"));
  }

  private static void build(Path base, Path root, byte[] script) throws IOException {
    for (Path p : List.of(root, Path.of(root + ".partial"))) {
      List<String> mounts = Mounts.below(p);
      if (!mounts.isEmpty()) {
        throw new LabException("refusing to build the sid chroot: still mounted below " + p
            + ": " + mounts + " (unmount them first; do not delete the directory)");
      }
    }
    if (Files.exists(root)) {
      throw new LabException(root + " exists but is incomplete (no fulmar-built-at.txt);"
          + " check that nothing is mounted below it (findmnt), then remove it and run again");
    }
    Path scriptFile = base.resolve(root.getFileName() + ".build.sh");
    Files.write(scriptFile, script);
    Path log = base.resolve(root.getFileName() + ".build.log");
    String mirror = DebianMirror.forDebootstrap();
    System.out.println("lab: building the strongSwan 6.1 chroot " + root + " from " + mirror
        + " (one-time, about a minute); log " + log);
    long t0 = System.nanoTime();
    Cmd.Result r = Cmd.probe(BUILD_TIMEOUT, null,
        List.of("bash", scriptFile.toString(), root.toString(), mirror));
    Files.writeString(log, r.stdout() + r.stderr());
    if (!r.ok() || !complete(root)) {
      throw new MissingPrerequisiteException("cannot build the strongSwan 6.1 (Debian sid) chroot"
          + " with debootstrap from " + mirror + " (exit " + r.exitCode() + "); the machine"
          + " needs debootstrap, debian-archive-keyring (sudo bin/install-test-deps) and access"
          + " to that Debian mirror (override with -Dfulmar.lab.mirror=URL). Log " + log + ":\n"
          + LabProcess.tail(log, 25));
    }
    System.out.printf("lab: built %s in %.0f s%n", root, (System.nanoTime() - t0) / 1e9);
  }

  private static byte[] script() {
    try (InputStream in = SidChroot.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new LabException(SCRIPT + " is missing from the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
