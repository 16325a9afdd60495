package dev.fulmar.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedding the files a profile names. The CA ({@code ca.pem} beside this test) was made once
 * with {@code openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj
 * "/CN=Fulmar Embed Test CA" -days 36500}; the PKCS#12 "bundle" is opaque bytes, which the
 * embedder copies without reading them.
 */
class ReferencedFilesTest {
  @TempDir Path dir;

  static String caPem() throws Exception {
    return new String(ReferencedFilesTest.class.getResourceAsStream("ca.pem").readAllBytes(),
        StandardCharsets.US_ASCII);
  }

  static Profile profile(String caPath, String p12Path) {
    var r = ProfileCodec.read("{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"Home\","
        + "\"gateway\":{\"host\":\"vpn.example.org\"},"
        + "\"trust\":{\"caCertificates\":[{\"path\":\"" + caPath + "\"}]},"
        + "\"auth\":{\"method\":\"eap-tls\",\"pkcs12\":{\"path\":\"" + p12Path + "\"}}}");
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    return r.profile();
  }

  private static X509Certificate cert(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void embedsRelativeFilesFromTheBaseDirectory() throws Exception {
    Path base = Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(base.resolve("ca.pem"), caPem());
    byte[] bundle = {0x30, (byte) 0x82, 1, 2, 3, 4};
    Files.createDirectories(base.resolve("keys"));
    Files.write(base.resolve("keys/me.p12"), bundle);

    Profile p = ReferencedFiles.embed(profile("ca.pem", "keys/me.p12"), base);

    assertThat(ReferencedFiles.hasReferences(p)).isFalse();
    CaCertificate.Pem ca = (CaCertificate.Pem) p.trust().caCertificates().get(0);
    assertThat(cert(ca.pem())).isEqualTo(cert(caPem()));
    Pkcs12.Embedded p12 = (Pkcs12.Embedded) ((Authentication.EapTls) p.auth()).certificate();
    assertThat(p12.data().toArray()).isEqualTo(bundle);
    assertThat(ProfileCodec.read(ProfileCodec.write(p)).ok()).isTrue();
  }

  @Test
  void turnsADerCertificateIntoPemAndLeavesEverythingElseOfAPemFileOut() throws Exception {
    byte[] der = cert(caPem()).getEncoded();
    Files.write(dir.resolve("ca.der"), der);
    Files.writeString(dir.resolve("with-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
        + "-----END PRIVATE KEY-----\n" + caPem());
    Files.write(dir.resolve("me.p12"), new byte[] {1});

    Profile fromDer = ReferencedFiles.embed(profile("ca.der", "me.p12"), dir);
    String pem = ((CaCertificate.Pem) fromDer.trust().caCertificates().get(0)).pem();
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(cert(pem).getEncoded()).isEqualTo(der);

    // an absolute path stays what it is, whatever the base directory
    Profile fromPem = ReferencedFiles.embed(profile(dir.resolve("with-key.pem").toString(),
        "../me.p12"), dir.resolve("elsewhere"));
    assertThat(((CaCertificate.Pem) fromPem.trust().caCertificates().get(0)).pem())
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void aMissingFileIsNamedWithItsFieldAndPath() throws Exception {
    Files.writeString(dir.resolve("ca.pem"), caPem());
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("ca.pem", "gone.p12"), dir))
        .isInstanceOf(ReferencedFileException.class)
        .hasMessage("auth.pkcs12.path: the PKCS#12 certificate bundle " + dir.resolve("gone.p12")
            + " does not exist")
        .satisfies(e -> assertThat(((ReferencedFileException) e).file())
            .isEqualTo(dir.resolve("gone.p12")));
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("nope.pem", "gone.p12"), dir))
        .hasMessageStartingWith("trust.caCertificates[0].path: the CA certificate "
            + dir.resolve("nope.pem"));
  }

  @Test
  void refusesDirectoriesEmptyFilesHugeFilesAndNonCertificates() throws Exception {
    Files.createDirectories(dir.resolve("adir"));
    Files.write(dir.resolve("empty.pem"), new byte[0]);
    Files.write(dir.resolve("huge.p12"), new byte[ReferencedFiles.MAX_FILE_BYTES + 1]);
    Files.writeString(dir.resolve("text.pem"), "hello\n");
    Files.writeString(dir.resolve("ca.pem"), caPem());
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("adir", "x.p12"), dir))
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("empty.pem", "x.p12"), dir))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("text.pem", "x.p12"), dir))
        .hasMessageContaining("holds no X.509 certificate");
    assertThatThrownBy(() -> ReferencedFiles.embed(profile("ca.pem", "huge.p12"), dir))
        .hasMessageContaining("larger than 256 KiB");
  }

  @Test
  void aProfileWithoutFilesIsLeftAsItIs() {
    var r = ProfileCodec.read("{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"O\","
        + "\"gateway\":{\"host\":\"vpn.example.org\"},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"a\"}}");
    assertThat(ReferencedFiles.hasReferences(r.profile())).isFalse();
    assertThat(ReferencedFiles.absolute(r.profile(), dir)).isEqualTo(r.profile());
  }

  @Test
  void absoluteKeepsTheReferencesButAnchorsThemInTheBaseDirectory() {
    Profile p = ReferencedFiles.absolute(profile("ca.pem", "/keys/me.p12"), dir);
    assertThat(((CaCertificate.FileRef) p.trust().caCertificates().get(0)).path())
        .isEqualTo(dir.resolve("ca.pem").toString());
    assertThat(((Pkcs12.FileRef) p.auth().pkcs12().orElseThrow()).path())
        .isEqualTo("/keys/me.p12");
  }
}
