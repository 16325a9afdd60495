package dev.fulmar.interop.reconnect;

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
 * {@code fulmard run PROFILE --password-stdin} in the lab's client namespace as a user runs it: a
 * child JVM as root, the password on standard input from a root-only file, every state line in a
 * log. The process gets its own mount namespace with an overlay over {@code /etc} (the {@code
 * resolv.conf} it rewrites is a private copy) and an empty {@code /run}; the journal lives in the
 * lab directory, so a run after {@code kill -9} finds what the killed one left. The kill switch's
 * nftables table lives in the client's network namespace, where the tests look for it.
 */
final class FulmardRunner {
  private final Lab lab;
  private final Pki pki;
  private final Path dir;
  private final Path journal;
  private final Path etcUpper;
  private final Path etcWork;

  FulmardRunner(Lab lab, Pki pki) {
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

  /** What a test profile says beyond the EAP-MSCHAPv2 login to the standard gateway. */
  record Options(boolean full, boolean killSwitch, boolean allowLan, int dpdSeconds,
      boolean mobike) {
    static Options fullTunnel() {
      return new Options(true, false, false, 30, true);
    }

    static Options splitTunnel() {
      return new Options(false, false, false, 30, true);
    }

    /** With the kill switch, the local network blocked too. */
    Options withKillSwitch() {
      return new Options(full, true, false, dpdSeconds, mobike);
    }

    /** With the kill switch and its LAN exception. */
    Options withKillSwitchAndLan() {
      return new Options(full, true, true, dpdSeconds, mobike);
    }

    Options dpd(int seconds) {
      return new Options(full, killSwitch, allowLan, seconds, mobike);
    }

    Options mobike(boolean on) {
      return new Options(full, killSwitch, allowLan, dpdSeconds, on);
    }
  }

  /** Writes a profile for the standard gateway. */
  Path profile(String name, Options o) {
    Path file = dir.resolve(name + ".vpn");
    write(file, profileJson(name, o));
    return file;
  }

  /** A profile for the standard gateway, in the .vpn format. */
  String profileJson(String name, Options o) {
    String routing = o.full() ? "{ \"mode\": \"full\" }"
        : "{ \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] }";
    String json = "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + Lab.GATEWAY_IP + "\" },\n"
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pki.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": " + routing + ",\n"
        + "  \"timers\": { \"dpd\": " + o.dpdSeconds() + " },\n"
        + "  \"transport\": { \"mobike\": " + o.mobike() + " },\n"
        + "  \"killSwitch\": { \"enabled\": " + o.killSwitch() + ", \"allowLan\": "
        + o.allowLan() + " },\n"
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
    return json;
  }

  /** Starts {@code fulmard run} in the client namespace. */
  LabProcess start(Path profile) {
    Path secret = lab.uniqueFile("fulmard-secret", ".txt");
    try {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(secret, GatewayConfig.EAP_PASSWORD + "\n");
    List<String> cmd = new ArrayList<>(privateMounts());
    cmd.add(secret.toString());
    cmd.addAll(java());
    cmd.addAll(List.of("run", profile.toString(), "--password-stdin",
        "--journal-dir", journal.toString()));
    return lab.start(lab.client(), "fulmard-run", cmd);
  }

  /** Runs {@code fulmard cleanup} with the same journal; returns its output. */
  String cleanup() {
    List<String> cmd = new ArrayList<>(privateMounts());
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

  /** The journal of system changes, shared by every run and daemon of this runner. */
  Path journal() {
    return journal;
  }

  /**
   * {@code sh -c SCRIPT sh SECRET java...}: private /etc (an overlay kept in the lab directory)
   * and /run, stdin from SECRET.
   */
  List<String> privateMounts() {
    String script = "mount -t overlay fulmar-etc -o lowerdir=/etc,upperdir=" + etcUpper
        + ",workdir=" + etcWork + " /etc && mount -t tmpfs fulmar-run /run"
        + " && secret=\"$1\" && shift && exec \"$@\" < \"$secret\"";
    return List.of("sh", "-c", script, "sh");
  }

  /** The lines {@code p} printed so far. */
  static List<String> lines(LabProcess p) {
    return read(p.log()).lines().toList();
  }

  /**
   * Waits until {@code p} has printed {@code n} lines starting with {@code prefix}; returns the
   * n-th. Fails with the log when the process ends first or the time is up.
   */
  static String awaitLine(LabProcess p, String prefix, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> hits = lines(p).stream().filter(l -> l.startsWith(prefix)).toList();
      if (hits.size() >= n) {
        return hits.get(n - 1);
      }
      if (!p.isAlive()) {
        throw new AssertionError("fulmard run ended (exit " + p.exitValue() + ") before line "
            + n + " '" + prefix + "':\n" + p.logTail(40));
      }
      sleep(100);
    }
    throw new AssertionError("no line " + n + " '" + prefix + "' after " + timeout + ":\n"
        + p.logTail(40));
  }

  /** How many lines starting with {@code prefix} {@code p} printed so far. */
  static long count(LabProcess p, String prefix) {
    return lines(p).stream().filter(l -> l.startsWith(prefix)).count();
  }

  /** The client namespace's nftables ruleset. */
  String nftRuleset() {
    return lab.client().exec("nft", "list", "ruleset").stdout();
  }

  /**
   * What the client namespace looks like: routes, addresses, resolver, firewall. The kernel's
   * transient duplicate-address-detection flag is left out: it only says how old the lab is.
   */
  String systemState() {
    return "ip -4 route:\n" + lab.client().exec("ip", "-4", "route").stdout()
        + "ip -6 route:\n" + lab.client().exec("ip", "-6", "route").stdout()
        + "ip addr:\n" + lab.client().exec("ip", "addr").stdout().replace(" tentative", "")
        + "resolv.conf:\n" + resolvConf()
        + "nft:\n" + nftRuleset();
  }

  private String resolvConf() {
    Path upper = etcUpper.resolve("resolv.conf");
    return read(Files.isRegularFile(upper, LinkOption.NOFOLLOW_LINKS) ? upper
        : Path.of("/etc/resolv.conf"));
  }

  /** The helper's runnable jar from the build, else this JVM's class path. */
  static List<String> java() {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path target = Path.of(System.getProperty("user.dir")).resolveSibling("helper")
        .resolve("target");
    List<String> out = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-XX:+UseParallelGC"));
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
