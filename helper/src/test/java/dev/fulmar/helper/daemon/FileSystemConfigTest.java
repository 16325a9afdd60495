package dev.fulmar.helper.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Policy;
import dev.fulmar.helper.control.TunnelServiceException;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System profiles and the policy as files: what admins and the app see on disk. */
class FileSystemConfigTest {
  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private FileSystemConfig config() throws IOException {
    return new FileSystemConfig(dir.resolve("profiles"), dir.resolve("policy.json"),
        warnings::add);
  }

  @Test
  void aSavedProfileIsWrittenReadableByEveryoneAndListed() throws Exception {
    FileSystemConfig c = config();
    Profile office = DaemonTunnelServiceTest.profile("Office", "vpn.example.net");
    c.saveSystemProfile(office);

    Path file = dir.resolve("profiles").resolve(office.id() + ".vpn");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(c.systemProfiles()).extracting(Profile::name).containsExactly("Office");
    try (var files = Files.list(dir.resolve("profiles"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(office.id() + ".vpn");
    }
  }

  @Test
  void savingTheSameNameUnderAnotherIdReplacesIt() throws Exception {
    FileSystemConfig c = config();
    c.saveSystemProfile(DaemonTunnelServiceTest.profile("Office", "old.example.net"));
    c.saveSystemProfile(DaemonTunnelServiceTest.profile("office", "new.example.net"));
    assertThat(c.systemProfiles()).singleElement()
        .satisfies(p -> assertThat(p.gateway().host()).isEqualTo("new.example.net"));
  }

  @Test
  void deleteRemovesByNameAndAnUnknownNameIsSaidSo() throws Exception {
    FileSystemConfig c = config();
    c.saveSystemProfile(DaemonTunnelServiceTest.profile("Office", "vpn.example.net"));
    c.deleteSystemProfile("OFFICE");
    assertThat(c.systemProfiles()).isEmpty();
    assertThatThrownBy(() -> c.deleteSystemProfile("Office"))
        .isInstanceOfSatisfying(TunnelServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROFILE));
  }

  @Test
  void aFileCopiedInCountsAtOnceAndABrokenOneIsSkippedWithAWarning() throws Exception {
    FileSystemConfig c = config();
    Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(dir.resolve("profiles/a.vpn"), "{\"format\":\"fulmar-profile\","
        + "\"version\":1,\"name\":\"Copied\",\"gateway\":{\"host\":\"vpn.example.net\"},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"alice\"}}");
    Files.writeString(dir.resolve("profiles/b.vpn"), "{ not json");

    assertThat(c.systemProfiles()).extracting(Profile::name).containsExactly("Copied");
    c.systemProfiles();
    assertThat(warnings).singleElement().asString().contains("b.vpn");
  }

  @Test
  void thePolicyIsKeptAcrossRestartsInAPublicFile() throws Exception {
    assertThat(config().policy()).isEqualTo(Policy.DEFAULT);
    Policy p = new Policy("vpnadmins", false, Policy.KillSwitchRule.ALWAYS_ON, false);
    config().setPolicy(p);

    assertThat(config().policy()).isEqualTo(p);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("policy.json")))).isEqualTo("rw-r--r--");
  }

  @Test
  void aBrokenPolicyStopsTheHelperFromStartingWithAnotherOne() throws Exception {
    Files.writeString(dir.resolve("policy.json"), "{\"userProfilesAllowed\": \"no\"}");
    assertThatThrownBy(this::config).isInstanceOf(IOException.class)
        .hasMessageContaining("policy.json").hasMessageContaining("userProfilesAllowed");
    Files.writeString(dir.resolve("policy.json"), "{\"killSwitch\": \"SOMETIMES\"}");
    assertThatThrownBy(this::config).hasMessageContaining("SOMETIMES");
    Files.writeString(dir.resolve("policy.json"), "[1");
    assertThatThrownBy(this::config).hasMessageContaining("not valid JSON");
  }

  @Test
  void theCliFindsTheInProcessDiagnoser() {
    assertThat(LocalDiagnoser.find(getClass().getClassLoader()))
        .containsInstanceOf(InProcessDiagnoser.class);
  }
}
