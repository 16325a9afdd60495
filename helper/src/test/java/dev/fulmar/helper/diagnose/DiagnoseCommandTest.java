package dev.fulmar.helper.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.ike.DeterministicRandom;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.InMemoryResponder;
import dev.fulmar.core.ike.ManualSessionLoop;
import dev.fulmar.core.ike.Pki;
import dev.fulmar.core.ike.ResponderConfig;
import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.helper.ProfileFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fulmard diagnose} driven as a user would, against the in-memory gateway. */
class DiagnoseCommandTest {
  @TempDir Path dir;
  private final InMemoryNetwork network = new InMemoryNetwork(address());
  private final ResponderConfig gateway = new ResponderConfig();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String stdin = "correct horse";

  private static java.net.InetAddress address() {
    try {
      return java.net.InetAddress.getByName("198.51.100.10");
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private int run(String... args) {
    network.autoDeliver();
    new InMemoryResponder(network, gateway, new DeterministicRandom(7));
    SessionEnvironment env = SessionEnvironment.builder().loops(new ManualSessionLoop())
        .sockets(network).resolver(h -> List.of(InMemoryResponder.GATEWAY))
        .random(new DeterministicRandom(8)).wallClock(TestPki.CLOCK).build();
    SecretInput input = new SecretInput() {
      @Override
      public char[] readLine() throws IOException {
        if (stdin == null) {
          throw new IOException("--password-stdin: standard input gave no secret");
        }
        return stdin.toCharArray();
      }

      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public Optional<char[]> prompt(String what) {
        return Optional.empty();
      }
    };
    DiagnoseCommand cmd = new DiagnoseCommand(env, input,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(cmd).execute(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsWhatWasNegotiatedAndExitsZero() throws Exception {
    Path profile = ProfileFiles.eap(dir, "office");

    int code = run(profile.toString(), "--password-stdin");

    assertThat(code).isZero();
    assertThat(stdout())
        .contains("Connected to 192.0.2.1")
        .contains("IKE SA        aes256gcm16-prfsha384-")
        .contains("ESP SA        aes256gcm16")
        .contains("virtual IP    10.10.0.2")
        .contains("DNS           10.200.0.53")
        .contains("DNS domains   corp.example.test")
        .contains("split subnets 10.200.0.0/24")
        .contains("auth          EAP-MSCHAPv2")
        .contains("SAs deleted.");
    assertThat(stdout()).doesNotContain("correct horse");
  }

  @Test
  void printsOneJsonObject() throws Exception {
    Path profile = ProfileFiles.eap(dir, "office");

    int code = run(profile.toString(), "--password-stdin", "--json");

    assertThat(code).isZero();
    JsonNode j = new ObjectMapper().readTree(stdout());
    assertThat(j.get("ok").asBoolean()).isTrue();
    assertThat(j.get("virtualIps").get(0).asText()).isEqualTo("10.10.0.2");
    assertThat(j.get("ike").get("keyExchanges").size()).isEqualTo(1);
    assertThat(j.get("esp").get("proposal").asText()).isEqualTo("aes256gcm16");
    assertThat(j.get("nat").get("udpEncapsulation").asBoolean()).isFalse();
    assertThat(j.get("deleted").asBoolean()).isTrue();
    assertThat(j.get("exchanges").get(0).get("exchange").asText()).isEqualTo("IKE_SA_INIT");
    assertThat(stdout().trim().lines()).hasSize(1);
  }

  @Test
  void explainsAWrongPasswordAndExitsSeven() throws Exception {
    stdin = "not it";
    Path profile = ProfileFiles.eap(dir, "office");

    int code = run(profile.toString(), "--password-stdin");

    assertThat(code).isEqualTo(ExitCode.USER_AUTH.code()).isEqualTo(7);
    assertThat(stderr()).contains("failed at IKE_AUTH")
        .contains("the gateway rejected the user name or password")
        .contains("fix:");
    assertThat(stderr() + stdout()).doesNotContain("not it");
  }

  @Test
  void explainsAnUntrustedGatewayAndExitsSix() throws Exception {
    gateway.gatewayChain = List.of(Pki.ROGUE_GATEWAY.certificate());
    gateway.gatewayKey = Pki.ROGUE_GATEWAY.privateKey();
    Path profile = ProfileFiles.eap(dir, "office");

    int code = run(profile.toString(), "--password-stdin", "--json");

    assertThat(code).isEqualTo(6);
    JsonNode j = new ObjectMapper().readTree(stdout());
    assertThat(j.get("step").asText()).isEqualTo("IKE_AUTH");
    assertThat(j.get("code").asText()).isEqualTo("GATEWAY_CERT_UNTRUSTED");
    assertThat(j.get("exitCode").asInt()).isEqualTo(6);
  }

  @Test
  void refusesAProfileWithProblemsAndExitsThree() throws Exception {
    Path profile = dir.resolve("broken.vpn");
    Files.writeString(profile, "{ \"format\": \"fulmar-profile\", \"version\": 1 }");

    int code = run(profile.toString());

    assertThat(code).isEqualTo(3);
    assertThat(stderr()).contains("failed at PREPARE").contains("broken.vpn");
  }

  @Test
  void saysWhenNoPasswordWasGivenAndExitsFour() throws Exception {
    Path profile = ProfileFiles.write(dir, "psk", "{ \"method\": \"psk\" }",
        "\"localId\": \"client.example.test\"");

    int code = run(profile.toString());

    assertThat(code).isEqualTo(4);
    assertThat(stderr()).contains("no pre-shared key was given")
        .contains("--password-stdin");
  }

  @Test
  void writesAKeyLogOnlyWhenAskedAndWarns() throws Exception {
    Path profile = ProfileFiles.eap(dir, "office");
    Path keys = dir.resolve("keys");

    int code = run(profile.toString(), "--password-stdin", "--key-log", keys.toString());

    assertThat(code).isZero();
    assertThat(stderr()).contains("WARNING").contains("decrypt");
    assertThat(Files.readString(keys.resolve("ikev2_decryption_table"))).contains(
        "AES-GCM-256 with 16 octet ICV [RFC5282]");
    assertThat(Files.readAllLines(keys.resolve("esp_sa"))).hasSize(2);
  }
}
