package dev.fulmar.interop.rekey;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code fulmard run PROFILE --password-stdin} in the lab's client namespace as a user
 * would: a child JVM as root with an EAP-MSCHAPv2 split-tunnel profile, the password on standard
 * input from a root-only file, its own mount namespace with an overlay over {@code /etc} and an
 * empty {@code /run}, so that the resolver it rewrites is a private copy and never the host's.
 */
final class TunnelRun {
  private final Lab lab;
  private final Pki pki;
  private final Path dir;

  TunnelRun(Lab lab, Pki pki) {
    this.lab = lab;
    this.pki = pki;
    this.dir = lab.uniqueDir("rekey-run");
  }

  /** A split-tunnel profile (LAN only) with {@code proposals} (a JSON object) when not null. */
  Path profile(String name, String proposals) {
    String json = "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + Lab.GATEWAY_IP + "\" },\n"
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pki.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": { \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] },\n"
        + (proposals == null ? "" : "  \"proposals\": " + proposals + ",\n")
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
    Path file = dir.resolve(name + ".vpn");
    write(file, json);
    return file;
  }

  LabProcess start(Path profile) {
    Path secret = lab.uniqueFile("rekey-secret", ".txt");
    Path upper = dir.resolve("etc-upper-" + profile.getFileName());
    Path work = dir.resolve("etc-work-" + profile.getFileName());
    try {
      Files.createDirectories(upper);
      Files.createDirectories(work);
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(secret, GatewayConfig.EAP_PASSWORD + "\n");
    String script = "mount -t overlay fulmar-etc -o lowerdir=/etc,upperdir=" + upper
        + ",workdir=" + work + " /etc && mount -t tmpfs fulmar-run /run"
        + " && secret=\"$1\" && shift && exec \"$@\" < \"$secret\"";
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh", secret.toString()));
    cmd.addAll(java());
    cmd.addAll(List.of("run", profile.toString(), "--password-stdin",
        "--journal-dir", dir.resolve("journal").toString()));
    return lab.start(lab.client(), "fulmard-run", cmd);
  }

  /** Waits for the {@code UP:} line; fails with the log when the process ends first. */
  static String awaitUp(LabProcess p, Duration timeout) throws InterruptedException {
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
      Thread.sleep(100);
    }
    throw new AssertionError("fulmard run not up after " + timeout + ":\n" + p.logTail(40));
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

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
