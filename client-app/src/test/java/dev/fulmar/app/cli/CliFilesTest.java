package dev.fulmar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles that name files: the CLI embeds the CA and PKCS#12 files (relative to the profile
 * file) before the helper sees the profile, copies them into an imported profile, and says which
 * file is missing. The CA is the one of {@code dev/fulmar/app/files/ca.pem} (see
 * ReferencedFilesTest for how it was made).
 */
class CliFilesTest {
  @TempDir Path dir;
  private CliHarness h;
  private Path profiles;

  @BeforeEach
  void start() throws Exception {
    h = new CliHarness(dir);
    profiles = Files.createDirectories(dir.resolve("from-admin"));
    Files.writeString(profiles.resolve("corp-ca.pem"), new String(CliFilesTest.class
        .getResourceAsStream("/dev/fulmar/app/files/ca.pem").readAllBytes(),
        StandardCharsets.US_ASCII));
    Files.write(profiles.resolve("me.p12"), new byte[] {0x30, 1, 2, 3});
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private Path profileFile(String p12) throws Exception {
    return Files.writeString(profiles.resolve("home.vpn"), "{\"format\":\"fulmar-profile\","
        + "\"version\":1,\"name\":\"Home\",\"gateway\":{\"host\":\"vpn.example.org\"},"
        + "\"trust\":{\"caCertificates\":[{\"path\":\"corp-ca.pem\"}]},"
        + "\"auth\":{\"method\":\"certificate\",\"pkcs12\":{\"path\":\"" + p12 + "\"}}}");
  }

  private static boolean embedded(Profile p) {
    return p.trust().caCertificates().get(0) instanceof CaCertificate.Pem
        && p.auth().pkcs12().orElseThrow() instanceof Pkcs12.Embedded e
        && e.data().length() == 4;
  }

  @Test
  void connectSendsTheFilesInsideTheProfile() throws Exception {
    profileFile("me.p12");
    AtomicReference<Profile> sent = new AtomicReference<>();
    h.helper.on(Connect.class, (c, s) -> {
      sent.set(c.profile());
      return new StatusReport(CliCommandsTest.connected(), null);
    });
    h.stdin = "p12 password\n";
    assertThat(h.run("connect", "from-admin/home.vpn", "--password-stdin")).as(h.err).isZero();
    assertThat(embedded(sent.get())).isTrue();
  }

  @Test
  void aMissingFileStopsTheConnectBeforeTheHelperIsAsked() throws Exception {
    profileFile("lost.p12");
    h.helper.on(Connect.class, (c, s) -> ErrorReply.of(ErrorCode.INTERNAL, "must not be asked"));
    h.stdin = "pw\n";
    assertThat(h.run("connect", "from-admin/home.vpn", "--password-stdin")).isEqualTo(6);
    assertThat(h.err).contains("'Home' names a file").contains("auth.pkcs12.path")
        .contains(profiles.resolve("lost.p12").toString()).contains("does not exist");
  }

  @Test
  void diagnoseThroughTheHelperEmbedsToo() throws Exception {
    profileFile("me.p12");
    AtomicReference<Profile> sent = new AtomicReference<>();
    h.helper.on(Diagnose.class, (d, s) -> {
      sent.set(d.profile());
      return new DiagnoseReport(true, "Home", "vpn.example.org", 7, CliCommandsTest.session(),
          null, List.of());
    });
    h.stdin = "pw\n";
    assertThat(h.run("diagnose", "from-admin/home.vpn", "--password-stdin")).isZero();
    assertThat(embedded(sent.get())).isTrue();
  }

  @Test
  void theLocalDiagnoserGetsTheProfileFilesDirectory() throws Exception {
    profileFile("me.p12");
    h.helper.close();
    AtomicReference<Path> base = new AtomicReference<>();
    h.diagnoser = Optional.of(new LocalDiagnoser() {
      @Override
      public String description() {
        return "a test engine";
      }

      @Override
      public DiagnoseReport diagnose(Profile p, Path baseDir, Credentials c,
          PromptHandler prompts) {
        base.set(baseDir);
        c.close();
        return new DiagnoseReport(true, p.name(), p.gateway().host(), 5,
            CliCommandsTest.session(), null, List.of());
      }
    });
    h.stdin = "pw\n";
    assertThat(h.run("diagnose", "from-admin/home.vpn", "--password-stdin")).isZero();
    assertThat(base.get()).isEqualTo(profiles);
  }

  @Test
  void importCopiesTheFilesIntoTheSavedProfile() throws Exception {
    profileFile("me.p12");
    assertThat(h.run("import", "from-admin/home.vpn")).as(h.out + h.err).isZero();
    Profile saved = h.store.findByName("Home").orElseThrow().profile();
    assertThat(embedded(saved)).isTrue();
    // connecting by name sends the stored, self-contained profile
    AtomicReference<Profile> sent = new AtomicReference<>();
    h.helper.on(Connect.class, (c, s) -> {
      sent.set(c.profile());
      return new StatusReport(CliCommandsTest.connected(), null);
    });
    h.stdin = "pw\n";
    assertThat(h.run("connect", "Home", "--password-stdin")).isZero();
    assertThat(embedded(sent.get())).isTrue();
  }

  @Test
  void importOfAProfileWhoseFileIsMissingSavesNothing() throws Exception {
    profileFile("lost.p12");
    assertThat(h.run("import", "from-admin/home.vpn")).isEqualTo(6);
    assertThat(h.err).contains("nothing was saved").contains("lost.p12");
    assertThat(h.store.list().profiles()).isEmpty();
    assertThat(h.run("import", "from-admin/home.vpn", "--dry-run")).isEqualTo(6);
  }
}
