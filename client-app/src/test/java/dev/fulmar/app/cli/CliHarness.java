package dev.fulmar.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.testing.FakeHelper;
import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Runs {@code fulmar} in-process against a {@link FakeHelper} and temporary directories. */
final class CliHarness implements AutoCloseable {
  static final String OFFICE_VPN = """
      {"format":"fulmar-profile","version":1,"id":"7d1c0d6e-2f7c-4c7b-9f59-0f4d8c1f7e11",
       "name":"Office","gateway":{"host":"vpn.example.net"},
       "auth":{"method":"eap-mschapv2","username":"alice"}}
      """;
  final Path dir;
  final FakeHelper helper;
  final ProfileStore store;
  final InMemorySecretStore secrets = new InMemorySecretStore();
  Terminal terminal;
  Optional<LocalDiagnoser> diagnoser = Optional.empty();
  String stdin = "";
  String out;
  String err;

  CliHarness(Path dir) throws IOException {
    this.dir = dir;
    this.helper = FakeHelper.start(dir.resolve("control.sock"));
    this.store = new ProfileStore(new StorePaths(dir.resolve("user"),
        List.of(dir.resolve("system"))));
  }

  Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    CliEnvironment env = new CliEnvironment(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), terminal, helper.socket(),
        () -> store, () -> secrets, () -> diagnoser, dir,
        Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC));
    int code = FulmarCli.run(env, args);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** Every non-empty output line parsed as JSON. */
  List<JsonNode> jsonLines() throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(m.readTree(line));
      }
    }
    return nodes;
  }

  @Override
  public void close() throws IOException {
    helper.close();
  }
}
