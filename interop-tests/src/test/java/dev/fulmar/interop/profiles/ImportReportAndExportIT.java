package dev.fulmar.interop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's command-line proofs, with the real {@code fulmar} in a user's own home on this
 * headless machine (no helper running, no Secret Service): {@code fulmar import FILE [--dry-run]
 * [--json]} prints the report (mapped, dropped, must supply); a secret inside an imported file is
 * dropped with a message saying it will be asked for each time, never written to a file; and
 * {@code fulmar export} writes no secret, also not with {@code --include-secrets} when there is
 * no keychain to take them from. Every command's output and every file in the home directory
 * and every exported file are searched for the secrets.
 */
class ImportReportAndExportIT {
  private static final Pki PKI = Pki.shared();
  @TempDir static Path dir;
  private static UserSession user;
  private static ForeignProfiles files;
  /** Each file with a secret inside, and that secret. */
  private static Map<Path, String> withSecrets;

  @BeforeAll
  static void files() {
    user = new UserSession(dir);
    files = new ForeignProfiles(PKI, user.downloads());
    AppleProfiles apple = new AppleProfiles(PKI, user.downloads());
    withSecrets = Map.of(
        files.sswanEap(), GatewayConfig.EAP_PASSWORD,
        apple.certificate(PKI.clientWithEmail("maya@fulmar.test", Pki.KeyKind.RSA_2048)),
        ForeignProfiles.P12_PASSWORD,
        files.fulmarCertificate(PKI.clientWithEmail("frank@fulmar.test", Pki.KeyKind.RSA_2048)),
        ForeignProfiles.P12_PASSWORD,
        files.swanctl(), GatewayConfig.EAP_PASSWORD,
        files.shrewMutualPsk(), GatewayConfig.PSK);
  }

  @Test
  void aDryRunPrintsTheReportAndSavesNothing() throws IOException {
    Path shrew = files.shrewMutualPsk();
    List<Path> before = profileFiles();
    CommandRun text = user.fulmar(null, "import", shrew.getFileName().toString(),
        "--dry-run");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.stdout()).startsWith("Imported from: Shrew Soft VPN site file")
        .contains("Note: converted from IKEv1", "Mapped:\n",
            "  auth-method mutual-psk -> auth.method psk\n", "Not imported:\n",
            "  phase1-exchange: IKEv2 has a single exchange",
            "the pre-shared key from the file would not be kept: no keychain is available",
            "you will be asked for it each time you connect",
            "Dry run: 'fulmar-lab-psk' can be imported; nothing was saved.");

    CommandRun json = user.fulmar(null, "import", shrew.getFileName().toString(),
        "--dry-run", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode r = json.json();
    assertThat(r.path("dryRun").asBoolean()).isTrue();
    assertThat(r.path("savedTo").isNull()).as("nothing saved: %s", r).isTrue();
    assertThat(r.at("/report/format").asText()).isEqualTo("SHREW");
    assertThat(r.at("/report/mapped")).anyMatch(m -> m.path("from").asText()
        .equals("auth-mutual-psk") && m.path("to").asText().contains("keychain"));
    assertThat(r.at("/report/dropped")).anyMatch(d -> d.path("setting").asText()
        .equals("ipcomp-transform") && d.path("reason").asText().contains("not supported"));
    assertThat(r.path("secrets")).singleElement()
        .satisfies(m -> assertThat(m.asText()).contains("would not be kept"));
    assertThat(text.output() + json.output()).doesNotContain(GatewayConfig.PSK);
    assertThat(profileFiles()).as("the user's profiles after two dry runs").isEqualTo(before);
  }

  /** The files in the user's profile directory (the other tests here import into it). */
  private static List<Path> profileFiles() throws IOException {
    if (!Files.isDirectory(user.profileDir())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(user.profileDir())) {
      return s.sorted().toList();
    }
  }

  @Test
  void aSecretInAFileIsDroppedWithAMessageAndNeverWritten() {
    for (Map.Entry<Path, String> e : withSecrets.entrySet()) {
      CommandRun r = user.fulmar(null, "import", e.getKey().getFileName().toString(),
          "--json");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.json().path("secrets")).as(r.toString()).singleElement()
          .satisfies(m -> assertThat(m.asText())
              .contains("was not kept: no keychain is available",
                  "you will be asked for it each time you connect"));
      assertThat(r.output()).as(e.getKey().toString()).doesNotContain(e.getValue());
    }
    withSecrets.values().forEach(user::assertNoFileContains);
    CommandRun list = user.fulmar(null, "list");
    assertThat(list.stdout()).contains("Lab EAP (sswan)", "Lab certificate (mobileconfig)",
        "Lab certificate (vpn)", "fulmar-lab", "fulmar-lab-psk");
  }

  @Test
  void anExportNeverContainsASecretWithoutAKeychain() throws IOException {
    for (Map.Entry<Path, String> e : withSecrets.entrySet()) {
      CommandRun imported = user.fulmar(null, "import",
          e.getKey().getFileName().toString(), "--json");
      String name = imported.json().path("name").asText();
      String secret = e.getValue();

      CommandRun plain = user.fulmar(null, "export", name);
      assertThat(plain.exitCode()).as(plain.toString()).isZero();
      assertThat(plain.stdout()).contains("\"fulmar-profile\"").doesNotContain(secret);
      assertThat(plain.stdout()).doesNotContainPattern("\"(password|psk|pkcs12Password)\"\\s*:");
      Path out = user.downloads().resolve("export-" + imported.json().path("name").asText()
          .replaceAll("[^A-Za-z0-9]", "_") + ".vpn");
      CommandRun asked = user.fulmar(null, "export", name, "--include-secrets", "-o",
          out.getFileName().toString(), "--json");
      assertThat(asked.exitCode()).as(asked.toString()).isZero();
      assertThat(asked.stderr()).contains("--include-secrets: no secret was written",
          "no keychain");
      assertThat(asked.json().path("secretsIncluded")).isEmpty();
      assertThat(plain.output() + asked.output()).doesNotContain(secret);
      assertThat(Files.readString(out)).contains("\"fulmar-profile\"").doesNotContain(secret);
    }
  }

  @Test
  void aFileInNoKnownFormatIsRefusedWithTheFormatsAccepted() {
    files.write("office.ovpn", "client\nremote vpn.example.net 1194\nproto udp\n");
    CommandRun r = user.fulmar(null, "import", "office.ovpn");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
    assertThat(r.stdout()).contains("not a profile Fulmar can import", ".sswan",
        ".mobileconfig", "ProfileXML", "Shrew Soft", "swanctl.conf");
  }
}
