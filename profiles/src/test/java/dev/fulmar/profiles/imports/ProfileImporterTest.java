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

  /**
   * A binary plist of one string object whose length marker (0x5F: "length in the next integer")
   * is followed by 0x00 instead of an integer marker; offset table {@code 08}; trailer: offsets of
   * 1 byte, references of 1 byte, 1 object, top object 0, offset table at byte 10.
   */
  private static final String DAMAGED_BPLIST_HEX = "62706c6973743030" + "5f00" + "08"
      + "000000000000" + "0101" + "0000000000000001" + "0000000000000000" + "000000000000000a";

  @Test
  void aDamagedBinaryPlistIsRefusedWithWhereAndNothingOnStandardError() {
    byte[] damaged = java.util.HexFormat.of().parseHex(DAMAGED_BPLIST_HEX);
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    ImportResult r;
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      r = ProfileImporter.importBytes(damaged, "damaged.mobileconfig");
    } finally {
      System.setErr(err);
    }

    assertThat(r.ok()).isFalse();
    assertThat(r.errors().get(0).message())
        .contains("binary property list is damaged", "object 0", "byte 8");
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
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

  @Test
  void whatTheUserSuppliesCompletesTheImportAndLeavesTheReport() throws Exception {
    ImportResult r = ProfileImporter.importFile(IMPORTS.resolve("shrew/full-rsa-xauth.vpn"));
    assertThat(r.ok()).isFalse();
    assertThat(r.report().mustSupply())
        .contains("the client certificate and key as a PKCS#12 file");
    var p = r.profile();
    var edited = p.toBuilder()
        .auth(new dev.fulmar.profiles.model.Authentication.CertificateThenEap(
            new dev.fulmar.profiles.model.Pkcs12.FileRef("/home/jdoe/jdoe.p12"),
            new dev.fulmar.profiles.model.Authentication.PasswordEap(
                dev.fulmar.profiles.model.Authentication.EapMethod.MSCHAPV2, "jdoe")))
        .build();

    ImportResult done = ProfileImporter.revise(r, edited,
        List.of(new ImportReport.Mapping("--pkcs12 /home/jdoe/jdoe.p12", "auth.pkcs12.path")));

    assertThat(done.ok()).as("%s", done.problems()).isTrue();
    assertThat(done.profile()).isEqualTo(edited);
    assertThat(done.report().mustSupply())
        .doesNotContain("the client certificate and key as a PKCS#12 file")
        .contains("the PKCS#12 password (asked when you connect; ask your administrator if you"
            + " do not know it)");
    assertThat(done.report().mapped())
        .contains(new ImportReport.Mapping("--pkcs12 /home/jdoe/jdoe.p12", "auth.pkcs12.path"))
        .containsAll(r.report().mapped());
    assertThat(done.report().dropped()).isEqualTo(r.report().dropped());
    assertThat(done.report().notes()).isEqualTo(r.report().notes());
  }

  @Test
  void aRevisionThatBreaksTheProfileIsReportedAsSuch() throws Exception {
    ImportResult r = ProfileImporter.importFile(IMPORTS.resolve("sswan/minimal.sswan"));
    assertThat(r.ok()).isTrue();
    var broken = r.profile().toBuilder()
        .auth(new dev.fulmar.profiles.model.Authentication.PasswordEap(
            dev.fulmar.profiles.model.Authentication.EapMethod.MSCHAPV2, " "))
        .build();

    ImportResult done = ProfileImporter.revise(r, broken, List.of());

    assertThat(done.ok()).isFalse();
    assertThat(done.errors()).extracting(dev.fulmar.profiles.validate.Problem::path)
        .containsExactly("auth.username");
  }
}
