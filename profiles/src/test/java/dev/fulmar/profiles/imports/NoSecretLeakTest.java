package dev.fulmar.profiles.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.secrets.UnavailableSecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets found in imported files end up in the keychain only: never in a stored profile, a log
 * line, an exported file, a report or a problem message. The test greps for the secret values.
 */
class NoSecretLeakTest {
  /** Sample file and the secret written in it. */
  private record Sample(String file, String secret, SecretKind kind) {}

  private static final List<Sample> SAMPLES =
      List.of(
          new Sample("sswan/full.sswan", "Sswan-S3cret-pw", SecretKind.EAP_PASSWORD),
          new Sample("mobileconfig/full.mobileconfig", "Apple-S3cret-pw", SecretKind.EAP_PASSWORD),
          new Sample("mobileconfig/full.mobileconfig", "test-p12-pass", SecretKind.PKCS12_PASSWORD),
          new Sample(
              "mobileconfig/odd-but-valid-binary.mobileconfig", "Apple-PSK-S3cret", SecretKind.PSK),
          new Sample("fulmar/with-secrets.vpn", "Branch-PSK-S3cret", SecretKind.PSK),
          new Sample("shrew/odd-but-valid-crlf-psk.vpn", "Shrew-PSK-S3cret", SecretKind.PSK),
          new Sample("swanctl/minimal.conf", "Swanctl-S3cret-pw", SecretKind.EAP_PASSWORD),
          new Sample(
              "swanctl/odd-but-valid-psk.conf", "quoted \"Swanctl-PSK\" value", SecretKind.PSK));

  @TempDir Path tmp;

  @Test
  void importedSecretsReachOnlyTheKeychain() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (Sample s : SAMPLES) {
        Path dir = tmp.resolve(s.file().replace('/', '_'));
        ProfileStore store = new ProfileStore(new StorePaths(dir.resolve("user"), List.of()));
        InMemorySecretStore keychain = new InMemorySecretStore();
        ImportResult r =
            ProfileImporter.importFile(Path.of("src/test/resources/imports", s.file()));
        String report = r.report().toText() + r.problems();
        ProfileImporter.SaveOutcome saved = ProfileImporter.save(r, store, keychain);

        assertThat(new String(keychain.get(saved.stored().profile().id(), s.kind()).orElseThrow()))
            .isEqualTo(s.secret());
        assertThat(report).doesNotContain(s.secret());
        assertThat(saved.toString()).doesNotContain(s.secret());
        assertThat(ProfileCodec.write(saved.stored().profile())).doesNotContain(s.secret());
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(s.secret());
          }
        }
        assertThat(r.secrets().isEmpty()).as("secrets wiped after save").isTrue();
      }
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("imported profile");
    for (Sample s : SAMPLES) {
      assertThat(logged).doesNotContain(s.secret());
    }
  }

  @Test
  void withoutAKeychainTheSecretIsDroppedNotWrittenAnywhere() throws Exception {
    ProfileStore store = new ProfileStore(new StorePaths(tmp.resolve("user"), List.of()));
    SecretStore none = new UnavailableSecretStore("no Secret Service");
    ImportResult r =
        ProfileImporter.importFile(Path.of("src/test/resources/imports/fulmar/with-secrets.vpn"));

    ProfileImporter.SaveOutcome saved = ProfileImporter.save(r, store, none);

    assertThat(saved.secrets())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.stored()).isFalse();
              assertThat(o.message()).contains("asked for it each time");
            });
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain("Branch-PSK-S3cret");
      }
    }
  }

  @Test
  void anExportContainsSecretsOnlyWhenAskedFor() throws Exception {
    ImportResult r =
        ProfileImporter.importFile(Path.of("src/test/resources/imports/fulmar/with-secrets.vpn"));
    assertThat(ProfileCodec.write(r.profile())).doesNotContain("Branch-PSK-S3cret");
    assertThat(ProfileCodec.writeWithSecrets(r.profile(), r.secrets()))
        .contains("Branch-PSK-S3cret");
  }
}
