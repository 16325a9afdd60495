package dev.fulmar.interop.fulmar;

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
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs {@code fulmard run PROFILE --password-stdin} in the lab's client namespace the way a user
 * does: a child JVM as root, the EAP password on standard input from a root-only file, output in
 * a log. The process gets a {@link PrivateEtc}, so the {@code /etc/resolv.conf} it rewrites is
 * the namespace's private copy, never the host's; the journal lives in the lab dir too, so a
 * fresh run after {@code kill -9} finds what the killed one left. Profiles are EAP-MSCHAPv2
 * profiles for the standard gateway (IPv4 or dual stack) with the routing, gateway address,
 * remote identity and ESP proposal a test names.
 */
public final class FulmardRun {
  private final Lab lab;
  private final Pki pki;
  private final Path dir;
  private final Path journal;
  private final PrivateEtc etc;

  public FulmardRun(Lab lab, Pki pki) {
    this.lab = lab;
    this.pki = pki;
    this.dir = lab.uniqueDir("fulmard-run");
    this.journal = dir.resolve("journal");
    this.etc = new PrivateEtc(dir);
  }

  /** A profile for the standard gateway's IPv4 address: split (LAN only) or full tunnel. */
  public Path profile(String name, boolean full, String espProposal) {
    return profile(name, Lab.GATEWAY_IP, full, espProposal);
  }

  /** The same profile for another gateway address. */
  public Path profile(String name, String gatewayHost, boolean full, String espProposal) {
    String routing = full ? "{ \"mode\": \"full\" }" : splitLan();
    return write(name, gatewayHost, null, routing, espProposal);
  }

  /** A split-tunnel profile for {@code subnets}, gateway at its IPv4 address. */
  public Path split(String name, String... subnets) {
    String include = List.of(subnets).stream().map(s -> "\"" + s + "\"")
        .collect(Collectors.joining(", "));
    return write(name, Lab.GATEWAY_IP, null,
        "{ \"mode\": \"split\", \"include\": [ " + include + " ] }", null);
  }

  /** A full-tunnel profile, gateway at its IPv4 address. */
  public Path full(String name) {
    return write(name, Lab.GATEWAY_IP, null, "{ \"mode\": \"full\" }", null);
  }

  /**
   * A profile for the gateway at {@code host}; {@code remoteId} (or null: the host) is the
   * identity its certificate must prove; {@code tunnel} is the profile's tunnel object.
   */
  public Path profile(String name, String host, String remoteId, String tunnel) {
    return write(name, host, remoteId, tunnel, null);
  }

  /**
   * A profile for the gateway's IPv4 address with the tunnel object {@code tunnel} and the
   * further top-level members {@code members} (each {@code "key": value}, e.g. {@code
   * "proposals": { ... }}), which stand between the tunnel and the login.
   */
  public Path profileWith(String name, String tunnel, String... members) {
    return write(name, profileJson(name, Lab.GATEWAY_IP, null, tunnel, List.of(members)));
  }

  /** A profile with the routing, timers, transport and kill switch of {@code options}. */
  public Path profile(String name, ProfileOptions options) {
    return write(name, profileJson(name, options));
  }

  /** The text of {@link #profile(String, ProfileOptions)}, in the .vpn format. */
  public String profileJson(String name, ProfileOptions options) {
    return profileJson(name, Lab.GATEWAY_IP, null, options.tunnel(), options.members());
  }

  /** The split-tunnel object for the lab's LAN only. */
  public static String splitLan() {
    return "{ \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] }";
  }

  private Path write(String name, String host, String remoteId, String tunnel, String esp) {
    List<String> members = esp == null ? List.of()
        : List.of("\"proposals\": { \"esp\": [ \"" + esp + "\" ] }");
    return write(name, profileJson(name, host, remoteId, tunnel, members));
  }

  private Path write(String name, String json) {
    Path file = dir.resolve(name + ".vpn");
    write(file, json);
    return file;
  }

  private String profileJson(String name, String host, String remoteId, String tunnel,
      List<String> members) {
    StringBuilder extra = new StringBuilder();
    members.forEach(m -> extra.append("  ").append(m).append(",\n"));
    return "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + host + "\" },\n"
        + (remoteId == null ? "" : "  \"remoteId\": \"" + remoteId + "\",\n")
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pki.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": " + tunnel + ",\n"
        + extra
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
  }

  /** Starts {@code fulmard run} (plus {@code extra} options) in the client namespace. */
  public LabProcess start(Path profile, String... extra) {
    Path secret = lab.uniqueFile("fulmard-secret", ".txt");
    try {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(secret, GatewayConfig.EAP_PASSWORD + "\n");
    List<String> cmd = new ArrayList<>(etc.wrapWithStdinFile());
    cmd.add(secret.toString());
    cmd.addAll(java());
    cmd.addAll(List.of("run", profile.toString(), "--password-stdin",
        "--journal-dir", journal.toString()));
    cmd.addAll(List.of(extra));
    return lab.start(lab.client(), "fulmard-run", cmd);
  }

  /** Runs {@code fulmard cleanup} with the same journal and private /etc; returns its output. */
  public String cleanup() {
    List<String> cmd = new ArrayList<>(etc.wrapWithStdinFile());
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

  /** Waits for the {@code UP:} line; fails with the log when the process ends first. */
  public String awaitUp(LabProcess p, Duration timeout) {
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

  /**
   * Waits until {@code p} has printed {@code n} lines starting with {@code prefix}; returns the
   * n-th. Fails with the log when the process ends first or the time is up.
   */
  public static String awaitLine(LabProcess p, String prefix, int n, Duration timeout) {
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
  public static long count(LabProcess p, String prefix) {
    return lines(p).stream().filter(l -> l.startsWith(prefix)).count();
  }

  private static List<String> lines(LabProcess p) {
    return read(p.log()).lines().toList();
  }

  /** The resolv.conf the running process sees (its own mount namespace). */
  public static String resolvConfOf(LabProcess p) {
    return read(Path.of("/proc", Long.toString(p.pid()), "root", "etc", "resolv.conf"));
  }

  /** The namespace's resolv.conf when no run is active: the overlay's copy, else the host's. */
  public String resolvConf() {
    return etc.resolvConf();
  }

  /** The client namespace's routes (both families), addresses and resolver. */
  public String systemState() {
    return etc.systemState(lab.client());
  }

  /** {@link #systemState()} plus the client namespace's nftables ruleset (the kill switch). */
  public String systemStateWithFirewall() {
    return systemState() + "nft:\n" + nftRuleset();
  }

  /** The client namespace's nftables ruleset. */
  public String nftRuleset() {
    return lab.client().exec("nft", "list", "ruleset").stdout();
  }

  /** The journal of system changes every run, cleanup and daemon of this instance shares. */
  public Path journal() {
    return journal;
  }

  /** The private /etc every run, cleanup and daemon of this instance shares. */
  public PrivateEtc etc() {
    return etc;
  }

  /**
   * The name servers a resolv.conf lists, as addresses: an IPv6 server may be written in any of
   * its textual forms.
   */
  public static List<InetAddress> nameservers(String resolvConf) {
    return resolvConf.lines().filter(l -> l.startsWith("nameserver "))
        .map(l -> address(l.substring("nameserver ".length()).trim())).toList();
  }

  /** An address literal (never resolved: the lab's names are literals). */
  public static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** The helper's command line as {@code fulmard run} uses it. */
  public static List<String> java() {
    return FulmardLauncher.java("-Xmx512m", "-XX:+UseParallelGC");
  }

  /** A text file of the lab (a log, a resolv.conf), as UTF-8. */
  public static String read(Path file) {
    return PrivateEtc.read(file);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sleeps {@code ms} milliseconds; an interrupt fails the test. */
  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code s} as a JSON string literal. */
  public static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
