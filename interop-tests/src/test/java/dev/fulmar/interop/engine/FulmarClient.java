package dev.fulmar.interop.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.fulmar.FulmardLauncher;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs Fulmar's client the way a user does: writes a {@code .vpn} profile, then {@code ip netns
 * exec <client> java ... fulmard diagnose PROFILE --json --password-stdin} with the secret on
 * standard input (from a file readable by root only; never on the command line).
 */
final class FulmarClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Lab lab;
  private final Path dir;

  /** What one {@code fulmard diagnose} run printed and returned. */
  record Diagnosis(int exitCode, JsonNode json, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0 && json != null && json.path("ok").asBoolean();
    }

    String field(String... path) {
      JsonNode n = json;
      for (String p : path) {
        n = n.path(p);
      }
      return n.asText();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  FulmarClient(Lab lab) {
    this.lab = lab;
    this.dir = lab.uniqueDir("fulmar");
  }

  /** A profile for the lab gateway with {@code auth} (JSON) and extra top-level members. */
  Path profile(String name, Pki pki, String auth, String... extra) {
    StringBuilder b = new StringBuilder("{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n");
    b.append("  \"name\": \"").append(name).append("\",\n");
    b.append("  \"gateway\": { \"host\": \"").append(Lab.GATEWAY_IP).append("\" },\n");
    b.append("  \"trust\": { \"caCertificates\": [ { \"pem\": ")
        .append(quoted(pki.caPem())).append(" } ], \"systemTrustStore\": false },\n");
    for (String e : extra) {
      b.append("  ").append(e).append(",\n");
    }
    b.append("  \"auth\": ").append(auth).append("\n}\n");
    Path file = dir.resolve(name + ".vpn");
    write(file, b.toString());
    return file;
  }

  /** A file in the client's directory (e.g. a PKCS#12 the profile references). */
  Path file(String name) {
    return dir.resolve(name);
  }

  Diagnosis diagnose(Path profile, String secret, String... args) {
    return run(List.of(), profile, secret, args);
  }

  /** Runs diagnose as the unprivileged user {@code nobody} (as a normal user would). */
  Diagnosis diagnoseAsNobody(Path profile, String secret, String... args) {
    return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"),
        profile, secret, args);
  }

  private Diagnosis run(List<String> prefix, Path profile, String secret, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(FulmardLauncher.java());
    command.addAll(List.of("diagnose", profile.toString(), "--json"));
    if (secret != null) {
      command.add("--password-stdin");
    }
    command.addAll(Arrays.asList(args));
    CommandRun r = CommandRun.probe(dir, Duration.ofSeconds(240), secret,
        lab.client().wrap(command));
    JsonNode json = null;
    String line = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElse(null);
    if (line != null) {
      try {
        json = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("diagnose printed no valid JSON: " + r.stdout(), e);
      }
    }
    return new Diagnosis(r.exitCode(), json, r.stdout(), r.stderr());
  }

  CompletableFuture<Diagnosis> diagnoseAsync(Path profile, String secret, String... args) {
    return CompletableFuture.supplyAsync(() -> diagnose(profile, secret, args));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
