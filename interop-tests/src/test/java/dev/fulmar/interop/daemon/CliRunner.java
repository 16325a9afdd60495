package dev.fulmar.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.Lab;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the real {@code fulmar} CLI ({@code dev.fulmar.app.cli.FulmarCli}) as a given user, the
 * way a person does: a JVM of its own, {@code --socket} pointing at the lab daemon, secrets on
 * standard input from a root-only file. The CLI's jars are linked into a directory every user can
 * read (Maven's repository under /root is not).
 */
final class CliRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Lab lab;
  private final Path socket;
  private final Path libDir;

  /** What one {@code fulmar} run printed and returned. */
  record Run(int exitCode, String stdout, String stderr) {
    JsonNode json() {
      String line = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no JSON in: " + this));
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  CliRunner(Lab lab, Path socket) {
    this.lab = lab;
    this.socket = socket;
    this.libDir = lab.uniqueDir("cli-lib");
    try {
      Files.setPosixFilePermissions(libDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      int n = 0;
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
          Path link = libDir.resolve(n++ + "-" + p.getFileName());
          try {
            Files.createLink(link, p);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(p, link, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rw-r--r--"));
        } else if (Files.isDirectory(p) && !entry.contains("test-classes")) {
          copyTree(p, libDir.resolve(n++ + "-classes"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }

  /** {@code fulmar ARGS} as root. */
  Run asRoot(String secret, String... args) {
    return run(List.of(), secret, args);
  }

  /** {@code fulmar ARGS} as {@code user}, with the groups the account database gives it. */
  Run asUser(String user, String secret, String... args) {
    return run(List.of("setpriv", "--reuid=" + user, "--regid=nogroup", "--init-groups", "--"),
        secret, args);
  }

  /**
   * {@code fulmar ARGS} as {@code nobody} whose process carries {@code gid} as a supplementary
   * group, though the account database does not list nobody in it (as after a removal from the
   * group while logged in): the socket's file permissions let it in, the helper does not.
   */
  Run asNobodyWithGroup(String gid, String... args) {
    return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--groups=" + gid, "--"),
        null, args);
  }

  /** {@code fulmar ARGS} as {@code nobody} with no extra group. */
  Run asNobody(String... args) {
    return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"),
        null, args);
  }

  /** {@code fulmar ARGS} as {@code nobody} inside the client namespace (it reaches the gateway). */
  Run inClientNamespaceAsNobody(String secret, String... args) {
    return run(lab.client().wrap(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
        "--clear-groups", "--")), secret, args);
  }

  private Run run(List<String> prefix, String secret, String... args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", libDir + "/*",
        "dev.fulmar.app.cli.FulmarCli"));
    if (!Arrays.asList(args).contains("--socket")) {
      cmd.addAll(List.of("--socket", socket.toString()));
    }
    cmd.addAll(Arrays.asList(args));
    Path stdin = secret == null ? null : secretFile(secret);
    try {
      Cmd.Result r = Cmd.probe(Duration.ofSeconds(180), stdin, cmd);
      return new Run(r.exitCode(), r.stdout(), r.stderr());
    } finally {
      if (stdin != null) {
        try {
          Files.deleteIfExists(stdin);
        } catch (IOException e) {
          // the lab directory goes with the lab
        }
      }
    }
  }

  private Path secretFile(String secret) {
    try {
      Path f = Files.createTempFile(lab.dir(), "secret", ".txt",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(f, secret + "\n", StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
