package dev.fulmar.interop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.fulmar.FulmardLauncher;
import dev.fulmar.interop.fulmar.ReadableClassPath;
import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One user's session on a headless Linux machine: a home directory of its own (HOME and
 * XDG_CONFIG_HOME point into it; no D-Bus session, so no Secret Service), a downloads directory
 * with the files an admin sent, the real {@code fulmar} CLI run there as a user runs it (as root,
 * or as an unprivileged account that owns the home), and
 * {@code fulmard diagnose} in the lab's client namespace. Unless a helper's socket is given, the
 * CLI's socket points at nothing. Secrets reach the commands only on standard input, from a
 * root-only file.
 */
final class UserSession {
  private final Lab lab;
  private final Path dir;
  private final Path home;
  private final Path downloads;
  private final Path socket;
  /** The {@code setpriv} prefix for an unprivileged account, or nothing for root. */
  private final List<String> runAs;
  private final String classPath;

  /** A user at the lab's client: {@link #diagnose} reaches the lab gateway. */
  UserSession(Lab lab) {
    this(lab, lab.dir(), null, null);
  }

  /** A user without a lab (import and export only), living in {@code dir}. */
  UserSession(Path dir) {
    this(null, dir, null, null);
  }

  /**
   * The unprivileged {@code account} at the lab's client, owning its home, whose {@code fulmar}
   * talks to the helper at {@code socket}.
   */
  static UserSession operator(Lab lab, Path socket, String account) {
    return new UserSession(lab, lab.dir(), socket, account);
  }

  private UserSession(Lab lab, Path dir, Path socket, String account) {
    this.lab = lab;
    this.dir = dir;
    try {
      this.home = Files.createTempDirectory(dir, "home");
      this.downloads = Files.createTempDirectory(dir, "downloads");
      if (account == null) {
        this.runAs = List.of();
        this.classPath = System.getProperty("java.class.path");
      } else {
        Cmd.run("chown", account + ":nogroup", home.toString());
        Files.setPosixFilePermissions(downloads, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.runAs = List.of("setpriv", "--reuid=" + account, "--regid=nogroup",
            "--init-groups", "--");
        this.classPath = ReadableClassPath.in(Files.createTempDirectory(dir, "cli-classpath"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.socket = socket != null ? socket : home.resolve("no-helper.sock");
  }

  Path home() {
    return home;
  }

  Path downloads() {
    return downloads;
  }

  /** Where {@code fulmar import} saves this user's profiles. */
  Path profileDir() {
    return home.resolve(".config/fulmar/profiles");
  }

  /** {@code fulmar ARGS} in the downloads directory, with {@code secret} on standard input. */
  CommandRun fulmar(String secret, String... args) {
    List<String> cmd = new ArrayList<>(List.of("env", "-i", "-C", downloads.toString(),
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME=" + home, "XDG_CONFIG_HOME=" + home.resolve(".config"), "LANG=C.UTF-8"));
    cmd.addAll(runAs);
    cmd.addAll(List.of(FulmardLauncher.javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, "dev.fulmar.app.cli.FulmarCli", "--socket", socket.toString()));
    cmd.addAll(Arrays.asList(args));
    return run(Duration.ofSeconds(150), secret, cmd);
  }

  /**
   * {@code fulmard diagnose PROFILE --json [--password-stdin] ARGS} in the client namespace, as
   * root (source port 500), with {@code secret} (or nothing) on standard input.
   */
  CommandRun diagnose(Path profile, String secret, String... args) {
    if (lab == null) {
      throw new IllegalStateException("this user has no lab to connect to");
    }
    List<String> cmd = new ArrayList<>(List.of(FulmardLauncher.javaBinary(), "-cp",
        System.getProperty("java.class.path"), "dev.fulmar.helper.Fulmard", "diagnose",
        profile.toString(), "--json"));
    if (secret != null) {
      cmd.add("--password-stdin");
    }
    cmd.addAll(Arrays.asList(args));
    return run(Duration.ofSeconds(150), secret, lab.client().wrap(cmd));
  }

  /** Fails the test if a file under this user's home (or {@code more}) contains {@code secret}. */
  void assertNoFileContains(String secret, Path... more) {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Path> roots = new ArrayList<>(List.of(home));
    roots.addAll(List.of(more));
    for (Path root : roots) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path f : all.filter(Files::isRegularFile).toList()) {
          assertThat(indexOf(Files.readAllBytes(f), needle)).as("a secret in %s", f)
              .isEqualTo(-1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private CommandRun run(Duration timeout, String secret, List<String> cmd) {
    return CommandRun.probe(dir, timeout, secret, cmd);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
