package dev.fulmar.profiles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
  @TempDir Path tmp;

  private StorePaths paths() {
    return new StorePaths(tmp.resolve("user"), List.of(tmp.resolve("system")));
  }

  private static Profile profile(String name) {
    return Profile.builder()
        .name(name)
        .gateway("vpn.example.net")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "jdoe"))
        .build();
  }

  @Test
  void savesListsFindsAndDeletes() throws Exception {
    ProfileStore store = new ProfileStore(paths());
    Profile p = profile("Corp");
    StoredProfile saved = store.save(p);

    assertThat(saved.file()).isEqualTo(tmp.resolve("user").resolve(p.id() + ".vpn"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.file())))
        .isEqualTo("rw-------");
    assertThat(store.list().profiles()).extracting(StoredProfile::profile).containsExactly(p);
    assertThat(store.findByName("corp")).map(StoredProfile::profile).contains(p);
    store.save(p.toBuilder().autoConnect(true).build());
    assertThat(store.findById(p.id()).orElseThrow().profile().autoConnect()).isTrue();
    store.delete(p.id());
    assertThat(store.list().profiles()).isEmpty();
  }

  @Test
  void neverStoresAnInvalidProfile() {
    ProfileStore store = new ProfileStore(paths());
    Profile bad =
        profile("Corp").toBuilder().gateways(List.of(new Gateway("vpn..example", 500))).build();

    assertThatThrownBy(() -> store.save(bad))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID);
              assertThat(e.problems())
                  .extracting(Object::toString)
                  .contains("gateway.host: 'vpn..example' is not a valid host name or IP address");
            });
    assertThat(Files.exists(tmp.resolve("user"))).isFalse();
  }

  @Test
  void namesAreUniqueAcrossUserAndSystemProfiles() throws Exception {
    Files.createDirectories(tmp.resolve("system"));
    Profile admin = profile("Head Office");
    Files.writeString(tmp.resolve("system/head-office.vpn"), ProfileCodec.write(admin));
    ProfileStore store = new ProfileStore(paths());
    store.save(profile("Corp"));

    assertThatThrownBy(() -> store.save(profile("CORP ")))
        .hasMessage("a profile named 'Corp' already exists: choose another name");
    assertThatThrownBy(() -> store.save(profile("head office")))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NAME_TAKEN));
  }

  @Test
  void systemProfilesAreReadOnly() throws Exception {
    Files.createDirectories(tmp.resolve("system"));
    Profile admin = profile("Head Office");
    Files.writeString(tmp.resolve("system/head-office.vpn"), ProfileCodec.write(admin));
    ProfileStore store = new ProfileStore(paths());

    assertThat(store.list().profiles())
        .singleElement()
        .satisfies(s -> assertThat(s.readOnly()).isTrue());
    assertThatThrownBy(() -> store.save(admin.toBuilder().autoConnect(true).build()))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY));
    assertThatThrownBy(() -> store.delete(admin.id())).hasMessageContaining("cannot be deleted");
  }

  @Test
  void aCrashBeforeTheRenameLeavesTheOldProfileAndNoTemporaryFile() throws Exception {
    Profile p = profile("Corp");
    new ProfileStore(paths()).save(p);
    Path file = tmp.resolve("user").resolve(p.id() + ".vpn");
    String before = Files.readString(file);
    ProfileStore crashing =
        new ProfileStore(
            paths(),
            (from, to) -> {
              throw new IOException("simulated power loss");
            });

    assertThatThrownBy(() -> crashing.save(p.toBuilder().name("Renamed").build()))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.IO));
    assertThat(Files.readString(file)).isEqualTo(before);
    try (Stream<Path> s = Files.list(tmp.resolve("user"))) {
      assertThat(s).containsExactly(file);
    }
  }

  @Test
  void brokenFilesAreListedWithTheirProblemsNotHidden() throws Exception {
    Files.createDirectories(tmp.resolve("user"));
    Files.writeString(
        tmp.resolve("user/bad.vpn"), "{\"format\": \"fulmar-profile\", \"version\": 1}");
    Listing l = new ProfileStore(paths()).list();

    assertThat(l.profiles()).isEmpty();
    assertThat(l.broken()).singleElement().satisfies(b -> assertThat(b.problems()).isNotEmpty());
  }

  @Test
  void findsTheConventionalDirectoriesOfEachOs() {
    Path home = Path.of("/home/jdoe");
    assertThat(StorePaths.detect(Map.of(), "Linux", home))
        .isEqualTo(
            new StorePaths(
                Path.of("/home/jdoe/.config/fulmar/profiles"),
                List.of(Path.of("/etc/fulmar/profiles"))));
    assertThat(StorePaths.detect(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", home).userDir())
        .isEqualTo(Path.of("/x/cfg/fulmar/profiles"));
    assertThat(StorePaths.detect(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", home).userDir())
        .isEqualTo(Path.of("/home/jdoe/.config/fulmar/profiles"));
    assertThat(StorePaths.detect(Map.of(), "Mac OS X", home))
        .isEqualTo(
            new StorePaths(
                Path.of("/home/jdoe/Library/Application Support/Fulmar/profiles"),
                List.of(Path.of("/Library/Application Support/Fulmar"))));
    StorePaths win =
        StorePaths.detect(
            Map.of("APPDATA", "C:\\Users\\j\\AppData\\Roaming", "ProgramData", "C:\\ProgramData"),
            "Windows 11",
            home);
    assertThat(win.userDir().toString()).contains("Fulmar").endsWith("profiles");
    assertThat(win.systemDirs().get(0).toString()).contains("ProgramData").endsWith("profiles");
  }
}
