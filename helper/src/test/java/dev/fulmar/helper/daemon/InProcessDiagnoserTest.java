package dev.fulmar.helper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fulmar diagnose} without a helper resolves the profile's relative file references in
 * the directory the CLI names (the profile file's), not in the process's working directory. Both
 * cases stop while preparing the session, before anything is sent.
 */
class InProcessDiagnoserTest {
  @TempDir Path dir;

  private static Profile withCaFile(String path) {
    var r = ProfileCodec.read("{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"Office\","
        + "\"gateway\":{\"host\":\"127.0.0.1\"},\"trust\":{\"caCertificates\":[{\"path\":\""
        + path + "\"}]},\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"alice\"}}");
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    return r.profile();
  }

  private DiagnoseReport diagnose(Profile p, Path baseDir) throws Exception {
    Credentials c = new Credentials(null, SecretText.of("pw".toCharArray()), null, null);
    return new InProcessDiagnoser(SessionEnvironment.system())
        .diagnose(p, baseDir, c, PromptHandler.refuseAll());
  }

  @Test
  void readsARelativeCaFileFromTheBaseDirectory() throws Exception {
    Path profiles = Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(profiles.resolve("office-ca.pem"), "not a certificate\n");
    DiagnoseReport r = diagnose(withCaFile("office-ca.pem"), profiles);
    assertThat(r.success()).isFalse();
    assertThat(r.failure().message()).contains("trust.caCertificates[0]")
        .contains("not a readable X.509 certificate");
  }

  @Test
  void namesTheFileItLookedForInTheBaseDirectory() throws Exception {
    Path profiles = Files.createDirectories(dir.resolve("elsewhere"));
    DiagnoseReport r = diagnose(withCaFile("missing-ca.pem"), profiles);
    assertThat(r.success()).isFalse();
    assertThat(r.failure().message()).contains(profiles.resolve("missing-ca.pem").toString());
  }
}
