package dev.fulmar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.ListProfiles;
import dev.fulmar.control.message.ProfileList;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export, list and diagnose: the commands that also work on local profiles. */
class CliProfilesTest {
  @TempDir Path dir;
  private CliHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new CliHarness(dir);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void aDryRunReportsAndSavesNothing() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    assertThat(h.run("import", "office.vpn", "--dry-run")).isZero();
    assertThat(h.out).contains("Imported from: Fulmar profile").contains("Dry run: 'Office'");
    assertThat(h.store.list().profiles()).isEmpty();
  }

  @Test
  void importSavesAndExportWritesItBack() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    assertThat(h.run("import", "office.vpn")).isZero();
    assertThat(h.out).contains("Saved 'Office'");
    assertThat(h.store.findByName("office")).isPresent();
    assertThat(h.run("export", "Office")).isZero();
    assertThat(h.out).contains("\"name\"").contains("Office").contains("vpn.example.net");
    assertThat(h.run("export", "Office", "-o", "copy.vpn")).isZero();
    assertThat(Files.readString(dir.resolve("copy.vpn"))).contains("vpn.example.net");
    assertThat(h.run("export", "Nope")).isEqualTo(7);
  }

  @Test
  void aBrokenFileIsRefusedWithItsProblems() throws Exception {
    h.file("broken.vpn", "{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"B\","
        + "\"gateway\":{\"host\":\"vpn..bad\"},\"auth\":{\"method\":\"eap-mschapv2\","
        + "\"username\":\"a\"}}");
    assertThat(h.run("import", "broken.vpn")).isEqualTo(6);
    assertThat(h.out).contains("gateway.host").contains("nothing was saved");
    assertThat(h.run("import", "broken.vpn", "--json")).isEqualTo(6);
    assertThat(h.jsonLines().get(0).get("ok").asBoolean()).isFalse();
    assertThat(h.run("connect", "broken.vpn")).isEqualTo(6);
  }

  @Test
  void listMergesLocalAndHelperProfiles() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    h.run("import", "office.vpn");
    h.helper.on(ListProfiles.class, (r, s) -> new ProfileList(List.of(new ProfileSummary(
        "11111111-2222-3333-4444-555555555555", "Corp", ProfileSummary.Source.SYSTEM,
        "corp.example.com", "eap-tls"))));
    assertThat(h.run("list")).isZero();
    assertThat(h.out).startsWith("NAME").contains("Office").contains("user")
        .contains("Corp").contains("system").contains("corp.example.com");
    assertThat(h.run("list", "--json")).isZero();
    JsonNode n = h.jsonLines().get(0);
    assertThat(n.get("profiles")).hasSize(2);
  }

  @Test
  void listWorksWithoutTheHelper() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    h.run("import", "office.vpn");
    h.helper.close();
    assertThat(h.run("list")).isZero();
    assertThat(h.out).contains("Office");
    assertThat(h.err).contains("helper is not running");
  }

  @Test
  void diagnoseRunsInTheHelper() throws Exception {
    h.helper.on(Diagnose.class, (d, s) -> new DiagnoseReport(true, "Office", "vpn.example.net",
        412, CliCommandsTest.session(), null, List.of("used an unprivileged source port")));
    assertThat(h.run("diagnose", "Office")).isZero();
    assertThat(h.out).startsWith("Diagnosis of Office (vpn.example.net): OK in 412 ms")
        .contains("key exchange  ecp384").contains("note: used an unprivileged");
    h.helper.on(Diagnose.class, (d, s) -> new DiagnoseReport(false, "Office", "vpn.example.net",
        90, null, CliCommandsTest.authFailure(), List.of()));
    assertThat(h.run("diagnose", "Office", "--json")).isEqualTo(5);
    assertThat(h.jsonLines().get(0).at("/report/failure/step").asText()).isEqualTo("IKE_AUTH");
  }

  @Test
  void withoutAHelperDiagnoseSaysWhatIsMissing() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    h.helper.close();
    assertThat(h.run("diagnose", "office.vpn")).isEqualTo(3);
    assertThat(h.err).contains("cannot diagnose on its own").contains("systemctl start");
  }

  @Test
  void withoutAHelperDiagnoseRunsTheLocalDiagnoser() throws Exception {
    h.file("office.vpn", CliHarness.OFFICE_VPN);
    h.helper.close();
    h.stdin = "pw\n";
    h.diagnoser = Optional.of(new LocalDiagnoser() {
      @Override
      public String description() {
        return "a test engine";
      }

      @Override
      public DiagnoseReport diagnose(Profile p, Path baseDir, Credentials c,
          PromptHandler prompts) {
        boolean pw = c.eapPassword() != null && new String(c.eapPassword().chars()).equals("pw");
        c.close();
        return pw ? new DiagnoseReport(true, p.name(), p.gateway().host(), 5,
            CliCommandsTest.session(), null, List.of())
            : new DiagnoseReport(false, p.name(), null, 5, null,
                CliCommandsTest.authFailure(), List.of());
      }
    });
    assertThat(h.run("diagnose", "office.vpn", "--password-stdin")).isZero();
    assertThat(h.err).contains("diagnosing with a test engine");
    assertThat(h.out).contains("OK in 5 ms");
  }

  @Test
  void theServiceLoaderLookupFindsNothingWithoutTheHelperJar() {
    assertThat(LocalDiagnoser.find()).isEmpty();
  }
}
