package dev.fulmar.interop.fulmar;

import dev.fulmar.interop.lab.Netns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A private {@code /etc} for a process of ours in the client namespace: it runs in a mount
 * namespace of its own with an overlay over {@code /etc} (upper directory in the lab dir) and an
 * empty {@code /run} (no host systemd-resolved), so the {@code resolv.conf} it rewrites is a
 * private copy and the host's never changes. The overlay outlives the process, so a later run
 * (after {@code kill -9}) sees what an earlier one left.
 */
public final class PrivateEtc {
  private final Path upper;
  private final Path work;

  /** An overlay kept in {@code dir}/etc-upper and {@code dir}/etc-work. */
  public PrivateEtc(Path dir) {
    this.upper = dir.resolve("etc-upper");
    this.work = dir.resolve("etc-work");
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sh -c SCRIPT sh}: mounts, then {@code exec "$@"}; append the command. */
  public List<String> wrap() {
    return List.of("sh", "-c", mounts() + " && exec \"$@\"", "sh");
  }

  /**
   * {@code sh -c SCRIPT sh}: mounts, then execs with standard input from the file named by the
   * first argument; append that file, then the command.
   */
  public List<String> wrapWithStdinFile() {
    return List.of("sh", "-c",
        mounts() + " && secret=\"$1\" && shift && exec \"$@\" < \"$secret\"", "sh");
  }

  private String mounts() {
    return "mount -t overlay fulmar-etc -o lowerdir=/etc,upperdir=" + upper + ",workdir=" + work
        + " /etc && mount -t tmpfs fulmar-run /run";
  }

  /** The namespace's resolv.conf while no process of ours runs: the overlay's, else the host's. */
  public String resolvConf() {
    Path copy = upper.resolve("resolv.conf");
    return read(Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) ? copy
        : Path.of("/etc/resolv.conf"));
  }

  /**
   * What {@code ns} looks like to a VPN client: routes of both families, addresses and this
   * overlay's resolver. The kernel's transient "tentative" flag of link-local addresses is left
   * out: it only says how long ago the lab was built.
   */
  public String systemState(Netns ns) {
    return "ip -4 route:\n" + ns.exec("ip", "-4", "route").stdout()
        + "ip -6 route:\n" + ns.exec("ip", "-6", "route").stdout()
        + "ip addr:\n" + ns.exec("ip", "addr").stdout().replace(" tentative", "")
        + "resolv.conf:\n" + resolvConf();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
