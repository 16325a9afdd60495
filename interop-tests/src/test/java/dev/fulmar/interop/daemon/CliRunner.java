package dev.fulmar.interop.daemon;

import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.fulmar.FulmardLauncher;
import dev.fulmar.interop.fulmar.ReadableClassPath;
import dev.fulmar.interop.lab.Lab;
import java.nio.file.Path;
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
  private final Lab lab;
  private final Path socket;
  private final String classPath;

  CliRunner(Lab lab, Path socket) {
    this.lab = lab;
    this.socket = socket;
    this.classPath = ReadableClassPath.in(lab.uniqueDir("cli-lib"));
  }

  /** {@code fulmar ARGS} as root. */
  CommandRun asRoot(String secret, String... args) {
    return run(List.of(), secret, args);
  }

  /** {@code fulmar ARGS} as {@code user}, with the groups the account database gives it. */
  CommandRun asUser(String user, String secret, String... args) {
    return run(List.of("setpriv", "--reuid=" + user, "--regid=nogroup", "--init-groups", "--"),
        secret, args);
  }

  /**
   * {@code fulmar ARGS} as {@code nobody} whose process carries {@code gid} as a supplementary
   * group, though the account database does not list nobody in it (as after a removal from the
   * group while logged in): the socket's file permissions let it in, the helper does not.
   */
  CommandRun asNobodyWithGroup(String gid, String... args) {
    return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--groups=" + gid, "--"),
        null, args);
  }

  /** {@code fulmar ARGS} as {@code nobody} with no extra group. */
  CommandRun asNobody(String... args) {
    return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"),
        null, args);
  }

  /** {@code fulmar ARGS} as {@code nobody} inside the client namespace (it reaches the gateway). */
  CommandRun inClientNamespaceAsNobody(String secret, String... args) {
    return run(lab.client().wrap(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
        "--clear-groups", "--")), secret, args);
  }

  private CommandRun run(List<String> prefix, String secret, String... args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(FulmardLauncher.javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, "dev.fulmar.app.cli.FulmarCli"));
    if (!Arrays.asList(args).contains("--socket")) {
      cmd.addAll(List.of("--socket", socket.toString()));
    }
    cmd.addAll(Arrays.asList(args));
    return CommandRun.probe(lab.dir(), Duration.ofSeconds(180), secret, cmd);
  }
}
