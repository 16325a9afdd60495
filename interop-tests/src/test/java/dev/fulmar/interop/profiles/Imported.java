package dev.fulmar.interop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A profile the user imported with {@code fulmar import FILE --json}: the report the CLI printed
 * and the file it saved, which then drives a connection to the lab gateway.
 *
 * @param json what {@code fulmar import --json} printed
 * @param saved the profile file in the user's profile directory
 */
record Imported(JsonNode json, Path saved) {
  /** How long {@code fulmard diagnose} keeps the SAs up for the gateway to be asked about them. */
  private static final String HOLD_SECONDS = "3";

  /** The client's report and the gateway's SA, seen while the client held the SAs up. */
  record Connected(JsonNode client, IkeSa gateway) {
    /** The gateway's CHILD_SA algorithms, ChaCha20-Poly1305 without its fixed key size. */
    String espProposal() {
      return gateway.children().get(0).proposal().replace("CHACHA20_POLY1305-256",
          "CHACHA20_POLY1305");
    }

    /** The IKE algorithms, ChaCha20-Poly1305 with its key size (charon omits it sometimes). */
    String ikeProposal() {
      return gateway.proposal().replace("CHACHA20_POLY1305/", "CHACHA20_POLY1305-256/");
    }

    /** The gateway's child config the client's traffic selectors picked (lan or full). */
    String child() {
      return gateway.children().get(0).name();
    }
  }

  /** Runs {@code fulmar import FILE --json} and checks that it saved the profile. */
  static Imported by(UserSession user, Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("import", file.getFileName().toString(),
        "--json"));
    args.addAll(List.of(more));
    CommandRun r = user.fulmar(null, args.toArray(new String[0]));
    assertThat(r.exitCode()).as("fulmar import: %s", r).isZero();
    JsonNode j = r.json();
    assertThat(j.path("ok").asBoolean()).as(r.toString()).isTrue();
    Path saved = Path.of(j.path("savedTo").asText());
    assertThat(saved).startsWith(user.profileDir()).isRegularFile();
    return new Imported(j, saved);
  }

  String name() {
    return json.path("name").asText();
  }

  /** The report's "mapped" entries as {@code from -> to}. */
  List<String> mapped() {
    List<String> out = new ArrayList<>();
    json.at("/report/mapped").forEach(m -> out.add(m.path("from").asText() + " -> "
        + m.path("to").asText()));
    return out;
  }

  /** The report's "dropped" entries as {@code setting: reason}. */
  List<String> dropped() {
    List<String> out = new ArrayList<>();
    json.at("/report/dropped").forEach(d -> out.add(d.path("setting").asText() + ": "
        + d.path("reason").asText()));
    return out;
  }

  List<String> texts(String pointer) {
    List<String> out = new ArrayList<>();
    json.at(pointer).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** What happened to each secret of the file ("... was not kept: no keychain ..."). */
  List<String> secretOutcomes() {
    return texts("/secrets");
  }

  /**
   * Diagnoses the saved profile with {@code secret} typed in and checks, while the SAs are up,
   * that the gateway lists them ESTABLISHED with the client's SPIs, virtual IP and key
   * exchanges, and that the delete reached the gateway.
   */
  Connected connect(UserSession user, StrongSwanGateway gateway, String secret) {
    CompletableFuture<CommandRun> run = CompletableFuture.supplyAsync(
        () -> user.diagnose(saved, secret, "--hold", HOLD_SECONDS));
    IkeSa sa = gateway.awaitSa(s -> s.established() && !s.remoteVips().isEmpty()
        && s.children().stream().anyMatch(c -> c.installed()), Duration.ofSeconds(90))
        .orElse(null);
    CommandRun r = run.join();
    assertThat(sa).as("the gateway's established SA; client: %s%ngateway log:%n%s", r,
        gateway.logTail(30)).isNotNull();
    JsonNode d = r.json();
    assertThat(r.exitCode() == 0 && d.path("ok").asBoolean()).as(r.toString()).isTrue();
    assertThat(sa.initiatorSpi()).isEqualTo(d.at("/ike/spiInitiator").asText());
    assertThat(sa.responderSpi()).isEqualTo(d.at("/ike/spiResponder").asText());
    assertThat(sa.remoteVips()).containsExactly(d.at("/virtualIps/0").asText());
    assertThat(sa.remoteVips().get(0)).startsWith(Lab.POOL_SUBNET.substring(0,
        Lab.POOL_SUBNET.lastIndexOf('.') + 1));
    assertThat(d.path("deleted").asBoolean()).as("the gateway confirmed the delete").isTrue();
    assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(10))).as("deleted at the gateway")
        .isTrue();
    Measurements.record("imported " + name() + ": diagnose (cold JVM)",
        d.path("totalMs").asText() + " ms");
    return new Connected(d, sa);
  }
}
