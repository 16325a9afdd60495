package dev.fulmar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.secrets.UnavailableSecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fulmar import} completed with what a file cannot carry ({@code --username},
 * {@code --pkcs12}, {@code --ca}), and {@code fulmar export}, which writes secrets only with
 * {@code --include-secrets}. Runs without a helper: neither command needs one. The CA is the one
 * of {@code dev/fulmar/app/files/ca.pem}.
 */
class CliImportExportTest {
  private static final String PASSWORD = "Export-Test-S3cret-pw";
  /** A Windows Always On VPN profile: IKEv2 with EAP-MSCHAPv2, no user name, no CA. */
  private static final String PROFILE_XML = """
      <VPNProfile>
        <ProfileName>Corp AOVPN</ProfileName>
        <NativeProfile>
          <Servers>vpn.example.org</Servers>
          <NativeProtocolType>IKEv2</NativeProtocolType>
          <Authentication><UserMethod>%s</UserMethod>
            <Eap><Configuration><EapHostConfig
                xmlns="http://www.microsoft.com/provisioning/EapHostConfig"><EapMethod>
              <Type xmlns="http://www.microsoft.com/provisioning/EapCommon">26</Type>
            </EapMethod></EapHostConfig></Configuration></Eap>
          </Authentication>
        </NativeProfile>
      </VPNProfile>
      """;
  @TempDir Path dir;
  private ProfileStore store;
  private SecretStore secrets = new InMemorySecretStore();
  private String out;
  private String err;

  @BeforeEach
  void files() throws Exception {
    store = new ProfileStore(new StorePaths(dir.resolve("user"), List.of()));
    Files.write(dir.resolve("corp-ca.pem"), getClass()
        .getResourceAsStream("/dev/fulmar/app/files/ca.pem").readAllBytes());
    Files.write(dir.resolve("me.p12"), new byte[] {0x30, 1, 2, 3});
    Files.writeString(dir.resolve("home.vpn"), "{\"format\":\"fulmar-profile\",\"version\":1,"
        + "\"name\":\"Home\",\"gateway\":{\"host\":\"vpn.example.org\"},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"jdoe\",\"password\":\""
        + PASSWORD + "\"}}");
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]),
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), null, dir.resolve("no-helper.sock"),
        () -> store, () -> secrets, Optional::empty, dir, Clock.systemUTC());
    int code = FulmarCli.run(env, args);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.lines().filter(l -> l.startsWith("{"))
        .reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void anExportHasNoSecretUnlessAskedForAndThenWarns() throws Exception {
    assertThat(run("import", "home.vpn")).isZero();
    assertThat(new String(secrets.get(store.findByName("Home").orElseThrow().profile().id(),
        SecretKind.EAP_PASSWORD).orElseThrow())).isEqualTo(PASSWORD);

    assertThat(run("export", "Home")).isZero();
    assertThat(out + err).contains("jdoe").doesNotContain(PASSWORD);
    assertThat(run("export", "Home", "-o", "plain.vpn")).isZero();
    assertThat(Files.readString(dir.resolve("plain.vpn"))).doesNotContain(PASSWORD);

    assertThat(run("export", "Home", "--include-secrets")).isZero();
    assertThat(out).contains("\"password\": \"" + PASSWORD + "\"");
    assertThat(err).contains("WARNING", "your password in clear text").doesNotContain(PASSWORD);
    assertThat(run("export", "Home", "--include-secrets", "-o", "with.vpn", "--json")).isZero();
    assertThat(json().get("secretsIncluded").toString()).isEqualTo("[\"eap-password\"]");
    Path with = dir.resolve("with.vpn");
    assertThat(Files.readString(with)).contains(PASSWORD);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(with)))
        .isEqualTo("rw-------");
  }

  @Test
  void withoutAKeychainTheSecretIsDroppedOnImportAndNoneCanBeExported() throws Exception {
    secrets = new UnavailableSecretStore("no Secret Service on the session bus");

    assertThat(run("import", "home.vpn", "--json")).isZero();
    String message = json().get("secrets").get(0).asText();
    assertThat(message).contains("was not kept", "no Secret Service",
        "you will be asked for it each time you connect").doesNotContain(PASSWORD);
    assertThat(message.split("each time", -1)).hasSize(2);
    assertThat(run("export", "Home", "--include-secrets")).isZero();
    assertThat(out).doesNotContain(PASSWORD).doesNotContain("\"password\"");
    assertThat(err).contains("no secret was written: no keychain is available",
        "no Secret Service");
    try (Stream<Path> all = Files.walk(dir.resolve("user"))) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as("%s", f).doesNotContain(PASSWORD);
      }
    }
  }

  @Test
  void aDryRunSaysWhereTheFileSecretsWouldGoAndKeepsNone() throws Exception {
    assertThat(run("import", "home.vpn", "--dry-run")).isZero();
    assertThat(out).contains("the password from the file would be saved in")
        .doesNotContain(PASSWORD);
    secrets = new UnavailableSecretStore("no Secret Service on the session bus");
    assertThat(run("import", "home.vpn", "--dry-run", "--json")).isZero();
    assertThat(json().get("secrets").get(0).asText()).contains("would not be kept",
        "no Secret Service", "asked for it each time");
    assertThat(store.list().profiles()).isEmpty();
    assertThat(dir.resolve("user")).doesNotExist();
  }

  @Test
  void aProfileXmlIsCompletedWithTheUserNameAndCaTheFileCannotCarry() throws Exception {
    Files.writeString(dir.resolve("aovpn.xml"), PROFILE_XML.formatted("Eap"));
    assertThat(run("import", "aovpn.xml")).isEqualTo(ExitCode.INVALID_PROFILE);
    assertThat(out).contains("You still need to supply:", "your user name for eap-mschapv2",
        "auth.username: eap-mschapv2 needs a username");

    assertThat(run("import", "aovpn.xml", "--username", "jdoe", "--ca", "corp-ca.pem", "--json"))
        .as(out + err).isZero();
    JsonNode r = json();
    assertThat(r.at("/report/mustSupply").toString()).doesNotContain("user name");
    assertThat(r.at("/report/mapped").toString()).contains("--username jdoe", "--ca ");
    Profile p = store.findByName("Corp AOVPN").orElseThrow().profile();
    assertThat(((Authentication.PasswordEap) p.auth()).username()).isEqualTo("jdoe");
    assertThat(p.trust().useSystemTrustStore()).isFalse();
    assertThat(p.trust().caCertificates()).singleElement()
        .isInstanceOfSatisfying(CaCertificate.Pem.class,
            c -> assertThat(c.pem()).contains("BEGIN CERTIFICATE"));
  }

  @Test
  void aCertificateProfileIsCompletedWithThePkcs12File() throws Exception {
    Files.writeString(dir.resolve("aovpn.xml"), PROFILE_XML.formatted("Certificate"));
    assertThat(run("import", "aovpn.xml", "--pkcs12", "me.p12", "--ca", "corp-ca.pem"))
        .as(out + err).isZero();
    Profile p = store.findByName("Corp AOVPN").orElseThrow().profile();
    assertThat(p.auth().pkcs12()).get().isInstanceOf(Pkcs12.Embedded.class);
  }

  @Test
  void additionsThatDoNotFitTheProfileAreRefusedAndNothingIsSaved() throws Exception {
    Files.writeString(dir.resolve("aovpn.xml"), PROFILE_XML.formatted("Certificate"));
    assertThat(run("import", "aovpn.xml", "--username", "jdoe")).isEqualTo(ExitCode.USAGE);
    assertThat(err).contains("--username", "takes no user name");
    assertThat(run("import", "home.vpn", "--pkcs12", "me.p12")).isEqualTo(ExitCode.USAGE);
    assertThat(err).contains("uses no client certificate");
    assertThat(run("import", "home.vpn", "--ca", "missing.pem")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(err).contains("--ca: no such file");
    assertThat(store.list().profiles()).isEmpty();
  }
}
