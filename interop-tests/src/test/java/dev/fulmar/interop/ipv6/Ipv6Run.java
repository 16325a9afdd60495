package dev.fulmar.interop.ipv6;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code fulmard run PROFILE --password-stdin} in a dual-stack lab's client namespace, as a user
 * runs it: a child JVM as root with the EAP password on standard input, in its own mount
 * namespace with an overlay over {@code /etc} (the resolv.conf it rewrites is the namespace's
 * private copy) and the journal in the lab dir. Profiles are EAP-MSCHAPv2 profiles for the
 * standard gateway with the routing, gateway address and remote identity a test names.
 */
final class Ipv6Run {
  private final Lab lab;
  private final Pki pki;
  private final Path dir;
  private final Path journal;
  private final Path etcUpper;
  private final Path etcWork;

  Ipv6Run(Lab lab, Pki pki) {
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

  /** A split-tunnel profile for {@code subnets}, gateway at its IPv4 address. */
  Path split(String name, String... subnets) {
    String include = List.of(subnets).stream().map(s -> "\"" + s + "\"")
        .collect(Collectors.joining(", "));
    return profile(name, Lab.GATEWAY_IP, null,
        "{ \"mode\": \"split\", \"include\": [ " + include + " ] }");
  }

  /** A full-tunnel profile, gateway at its IPv4 address. */
  Path full(String name) {
    return profile(name, Lab.GATEWAY_IP, null, "{ \"mode\": \"full\" }");
  }

  /**
   * A profile for the gateway at {@code host}; {@code remoteId} (or null: the host) is the
   * identity its certificate must prove; {@code tunnel} is the profile's tunnel object.
   */
  Path profile(String name, String host, String remoteId, String tunnel) {
    String json = "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + host + "\" },\n"
        + (remoteId == null ? "" : "  \"remoteId\": \"" + remoteId + "\",\n")
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pki.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": " + tunnel + ",\n"
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
    Path file = dir.resolve(name + ".vpn");
    write(file, json);
    return file;
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
    List<String> cmd = new ArrayList<>(privateEtc());
    cmd.add(secret.toString());
    cmd.addAll(java());
    cmd.addAll(List.of("run", profile.toString(), "--password-stdin",
        "--journal-dir", journal.toString()));
    return lab.start(lab.client(), "fulmard-run", cmd);
  }

  /** Runs {@code fulmard cleanup} with the same journal and private /etc; returns its output. */
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
   * {@code sh -c SCRIPT sh SECRET java...}: an overlay on /etc and an empty /run (no host
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

  /**
   * The name servers a resolv.conf lists, as addresses: an IPv6 server may be written in any of
   * its textual forms.
   */
  static List<InetAddress> nameservers(String resolvConf) {
    return resolvConf.lines().filter(l -> l.startsWith("nameserver "))
        .map(l -> address(l.substring("nameserver ".length()).trim())).toList();
  }

  /** An address literal (never resolved: the lab's names are literals). */
  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /**
   * The client namespace's routes (both families), addresses and resolver. The transient
   * "tentative" flag of link-local addresses is left out: it only says how old the lab is.
   */
  String systemState() {
    Path upper = etcUpper.resolve("resolv.conf");
    String resolv = read(Files.isRegularFile(upper, LinkOption.NOFOLLOW_LINKS) ? upper
        : Path.of("/etc/resolv.conf"));
    return "ip -4 route:\n" + lab.client().exec("ip", "-4", "route").stdout()
        + "ip -6 route:\n" + lab.client().exec("ip", "-6", "route").stdout()
        + "ip addr:\n" + lab.client().exec("ip", "addr").stdout().replace(" tentative", "")
        + "resolv.conf:\n" + resolv;
  }

  /** The helper's runnable jar from the build, else this JVM's class path. */
  private static List<String> java() {
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

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
