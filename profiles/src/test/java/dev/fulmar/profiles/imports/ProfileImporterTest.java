package dev.fulmar.profiles.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StorePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileImporterTest {
  private static final Path IMPORTS = Path.of("src/test/resources/imports");
  @TempDir Path tmp;

  @Test
  void detectsTheFormatByContentNotByFileName() throws Exception {
    // a Fulmar profile and a Shrew Soft site file share the .vpn extension
    Path fulmar = tmp.resolve("a.vpn");
    Files.copy(IMPORTS.resolve("fulmar/minimal.vpn"), fulmar);
    Path shrew = tmp.resolve("b.vpn");
    Files.copy(IMPORTS.resolve("shrew/minimal.vpn"), shrew);
    Path sswanNamedXml = tmp.resolve("profile.xml");
    Files.copy(IMPORTS.resolve("sswan/minimal.sswan"), sswanNamedXml);

    assertThat(ProfileImporter.importFile(fulmar).format()).isEqualTo(Format.FULMAR);
    assertThat(ProfileImporter.importFile(shrew).format()).isEqualTo(Format.SHREW);
    assertThat(ProfileImporter.importFile(sswanNamedXml).format()).isEqualTo(Format.SSWAN);
    assertThat(ProfileImporter.detect(Files.readAllBytes(IMPORTS.resolve("mobileconfig/signed.mobileconfig"))))
        .contains(Format.MOBILECONFIG);
    assertThat(ProfileImporter.detect(Files.readAllBytes(IMPORTS.resolve("pbk/utf16-minimal.pbk"))))
        .contains(Format.RASPHONE_PBK);
  }

  @Test
  void aFileInNoKnownFormatSaysSoAndListsWhatIsAccepted() {
    ImportResult r =
        ProfileImporter.importBytes("remote vpn.example.net 1194\n".getBytes(StandardCharsets.UTF_8), "x");

    assertThat(r.ok()).isFalse();
    assertThat(r.format()).isNull();
    assertThat(r.errors().get(0).message())
        .startsWith("this file is not a profile Fulmar can import")
        .contains(".sswan", ".mobileconfig", "ProfileXML", "rasphone.pbk", "Shrew Soft", "swanctl.conf");
    assertThat(r.report().toText()).startsWith("Not imported");
  }

  @Test
  void refusesFilesTooLargeForAProfile() throws Exception {
    Path big = tmp.resolve("big.vpn");
    Files.write(big, new byte[ProfileImporter.MAX_BYTES + 1]);
    assertThat(ProfileImporter.importFile(big).errors().get(0).message()).contains("too large");
  }

  @Test
  void theReportTellsWhatWasMappedDroppedAndStillNeeded() throws Exception {
    ImportResult r = ProfileImporter.importFile(IMPORTS.resolve("shrew/minimal.vpn"));
    String text = r.report().toText();

    assertThat(text).startsWith("Imported from: Shrew Soft VPN site file (.vpn, IKEv1)");
    assertThat(text).contains("Mapped:", "Not imported:", "You still need to supply:", "your password");
    assertThat(text).contains("converted from IKEv1");
  }

  @Test
  void anImportWithMissingFieldsCannotBeSavedUntilTheUserSuppliesThem() throws Exception {
    ImportResult r = ProfileImporter.importFile(IMPORTS.resolve("profilexml/minimal.xml"));
    ProfileStore store = new ProfileStore(new StorePaths(tmp.resolve("user"), List.of()));

    assertThat(r.ok()).isFalse();
    assertThat(r.report().mustSupply()).contains("your user name for eap-mschapv2");
    assertThatThrownBy(() -> ProfileImporter.save(r, store, new InMemorySecretStore()))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID));
    var completed = r.profile().toBuilder()
        .auth(new dev.fulmar.profiles.model.Authentication.PasswordEap(
            dev.fulmar.profiles.model.Authentication.EapMethod.MSCHAPV2, "jdoe"))
        .build();
    assertThat(store.save(completed).profile().name()).isEqualTo("minimal");
  }
}
