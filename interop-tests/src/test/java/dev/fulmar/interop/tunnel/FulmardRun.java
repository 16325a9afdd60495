package dev.fulmar.interop.tunnel;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code fulmard run PROFILE --password-stdin} in the lab's client namespace the way a user
 * does: a child JVM as root, the password on standard input from a root-only file, output in a
 * log. The process gets its own mount namespace with an overlay over {@code /etc}, so the
 * {@code /etc/resolv.conf} it rewrites is the namespace's private copy (kept in the overlay's
 * upper directory in the lab dir), never the host's; the journal lives in the lab dir too, so a
 * fresh run after {@code kill -9} finds what the killed one left.
 */
final class FulmardRun {
  private final Lab lab;
  private final Pki pki;
  private final Path dir;
  private final Path journal;
  private final Path etcUpper;
  private final Path etcWork;

  FulmardRun(Lab lab, Pki pki) {
    this.lab = lab;
    this.pki = pki;
    this.dir = lab.uniqueDir("fulmard-run");
    this.journal = dir.resolve("journal");
    this.etcUpper = dir.resolve("etc-upper");
    this.etcWork = dir.resolve("etc-work");
    try {
      Files.createDirectories(etcUpper);
      Files.createDirectories(etcWork);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An EAP-MSCHAPv2 profile for the standard gateway: split (LAN only) or full tunnel. */
  Path profile(String name, boolean full, String espProposal) {
    return profile(name, Lab.GATEWAY_IP, full, espProposal);
  }

  /** The same profile for another gateway address. */
  Path profile(String name, String gatewayHost, boolean full, String espProposal) {
    String routing = full ? "{ \"mode\": \"full\" }"
        : "{ \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] }";
    String json = "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + gatewayHost + "\" },\n"
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pki.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": " + routing + ",\n"
        + (espProposal == null ? ""
            : "  \"proposals\": { \"esp\": [ \"" + espProposal + "\" ] },\n")
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
    Path file = dir.resolve(name + ".vpn");
    write(file, json);
    return file;
  }

  /** Starts {@code fulmard run} (plus {@code extra} options) in the client namespace. */
  LabProcess start(Path profile, String... extra) {
    Path secret = lab.uniqueFile("fulmard-secret", ".txt");
    try {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(secret, GatewayConfig.EAP_PASSWORD + "\n");
    List<String> cmd = new ArrayList<>(privateEtc());
    cmd.add(secret.toString());
    cmd.addAll(java());
    cmd.addAll(List.of("run", profile.toString(), "--password-stdin",
        "--journal-dir", journal.toString()));
    cmd.addAll(List.of(extra));
    return lab.start(lab.client(), "fulmard-run", cmd);
  }

  /** Runs {@code fulmard cleanup} with the same journal; returns its output. */
  String cleanup() {
    List<String> cmd = new ArrayList<>(privateEtc());
    cmd.add("/dev/null");
    cmd.addAll(java());
    cmd.addAll(List.of("cleanup", "--journal-dir", journal.toString()));
    LabProcess p = lab.start(lab.client(), "fulmard-cleanup", cmd);
    if (!p.waitFor(Duration.ofSeconds(60))) {
      p.kill();
      throw new AssertionError("fulmard cleanup did not finish: " + p.logTail(20));
    }
    return p.logTail(50);
  }

  /**
   * {@code sh -c SCRIPT sh SECRET java...}: overlay on /etc and an empty /run (no host
   * systemd-resolved) in the process's own mount namespace, then exec with stdin from SECRET.
   */
  private List<String> privateEtc() {
    String script = "mount -t overlay fulmar-etc -o lowerdir=/etc,upperdir=" + etcUpper
        + ",workdir=" + etcWork + " /etc && mount -t tmpfs fulmar-run /run"
        + " && secret=\"$1\" && shift && exec \"$@\" < \"$secret\"";
    return List.of("sh", "-c", script, "sh");
  }

  /** Waits for the {@code UP:} line; fails with the log when the process ends first. */
  String awaitUp(LabProcess p, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String up = read(p.log()).lines().filter(l -> l.startsWith("UP:")).findFirst()
          .orElse(null);
      if (up != null) {
        return up;
      }
      if (!p.isAlive()) {
        throw new AssertionError("fulmard run ended (exit " + p.exitValue() + "):\n"
            + p.logTail(40));
      }
      sleep(100);
    }
    throw new AssertionError("fulmard run not up after " + timeout + ":\n" + p.logTail(40));
  }

  /** The resolv.conf the running process sees (its own mount namespace). */
  static String resolvConfOf(LabProcess p) {
    return read(Path.of("/proc", Long.toString(p.pid()), "root", "etc", "resolv.conf"));
  }

  /** The namespace's resolv.conf when no run is active: the overlay's copy, else the host's. */
  String resolvConf() {
    Path upper = etcUpper.resolve("resolv.conf");
    if (Files.isRegularFile(upper, LinkOption.NOFOLLOW_LINKS)) {
      return read(upper);
    }
    return read(Path.of("/etc/resolv.conf"));
  }

  /**
   * What the client namespace looks like: routes, addresses, resolver. The kernel's transient
   * duplicate-address-detection flag of the veth's link-local address is left out: it only says
   * how long ago the lab was built.
   */
  String systemState() {
    return "ip -4 route:\n" + lab.client().exec("ip", "-4", "route").stdout()
        + "ip -6 route:\n" + lab.client().exec("ip", "-6", "route").stdout()
        + "ip addr:\n" + lab.client().exec("ip", "addr").stdout().replace(" tentative", "")
        + "resolv.conf:\n" + resolvConf();
  }

  /** The helper's runnable jar from the build, else this JVM's class path. */
  static List<String> java() {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path target = Path.of(System.getProperty("user.dir")).resolveSibling("helper")
        .resolve("target");
    List<String> jvm = List.of(javaBin, "-Xmx512m", "-XX:+UseParallelGC");
    List<String> out = new ArrayList<>(jvm);
    try (var jars = Files.list(target)) {
      Path jar = jars.filter(p -> p.getFileName().toString().matches("helper-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().contains("tests")).findFirst().orElse(null);
      if (jar != null && Files.isDirectory(target.resolve("lib"))) {
        out.addAll(List.of("-jar", jar.toString()));
        return out;
      }
    } catch (IOException e) {
      // fall back to the class path
    }
    out.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.fulmar.helper.Fulmard"));
    return out;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
