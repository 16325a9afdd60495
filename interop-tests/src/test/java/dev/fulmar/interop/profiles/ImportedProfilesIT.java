package dev.fulmar.interop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.lab.Credential;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: an imported profile's fields drive a real connection. Files of each format, written
 * for the lab gateway from the lab PKI, are imported with the real {@code fulmar import --json}
 * into a user's own home (no helper, no keychain: the file's secrets are dropped and typed in
 * at connect time), and the saved profile connects to strongSwan 5.9.8 through {@code fulmard
 * diagnose}. The gateway's list-sas shows the identity, the file's algorithms (each file offers
 * proposals the gateway would not pick by itself first), the child its traffic selectors chose
 * and the virtual IP.
 */
class ImportedProfilesIT {
  private static final Pki PKI = Pki.shared();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CBC_IKE = "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048";
  private static final String CBC_ESP = "AES_CBC-256/HMAC_SHA2_256_128";
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static UserSession user;
  private static ForeignProfiles files;
  private static AppleProfiles apple;

  @BeforeAll
  static void start() {
    lab = Lab.create("profiles-import");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    user = new UserSession(lab);
    files = new ForeignProfiles(PKI, user.downloads());
    apple = new AppleProfiles(PKI, user.downloads());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void sswanWithPasswordSplitTunnelAndProposals() {
    Imported i = Imported.by(user, files.sswanEap());
    assertThat(i.mapped()).contains("local.shared_secret -> the keychain (EAP password)",
        "ike-proposal 'aes128gcm16-prfsha256-curve25519' -> proposals.ike: "
            + "aes128gcm16-prfsha256-x25519",
        "split-tunneling.subnets -> tunnel.mode split, tunnel.include");
    assertDroppedForLackOfKeychain(i, "password");
    user.assertNoFileContains(GatewayConfig.EAP_PASSWORD);

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.EAP_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.ikeProposal()).isEqualTo("AES_GCM_16-128/PRF_HMAC_SHA2_256/CURVE_25519");
    assertThat(c.espProposal()).isEqualTo("CHACHA20_POLY1305");
    assertThat(c.child()).isEqualTo("lan");
    assertThat(c.gateway().children().get(0).localTs()).containsExactly(Lab.LAN_SUBNET);
    assertThat(c.gateway().children().get(0).remoteTs())
        .containsExactly(c.gateway().remoteVips().get(0) + "/32");
  }

  @Test
  void sswanWithEmbeddedPkcs12AsksForItsPassword() {
    Credential sophie = PKI.clientWithEmail("sophie@fulmar.test", Pki.KeyKind.ECDSA_P256);
    Imported i = Imported.by(user, files.sswanCertificate(sophie));
    assertThat(i.mapped()).contains("local.p12 -> auth.pkcs12.data",
        "remote.cert -> trust.caCertificates[0]");
    assertThat(i.texts("/report/mustSupply")).anyMatch(s -> s.startsWith("the PKCS#12 password"));

    Imported.Connected c = i.connect(user, gateway, ForeignProfiles.P12_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("pubkey");
    assertThat(c.gateway().remoteId()).isEqualTo(sophie.identity());
    assertThat(c.ikeProposal()).isEqualTo("CHACHA20_POLY1305-256/PRF_HMAC_SHA2_256/CURVE_25519");
    assertThat(c.espProposal()).isEqualTo("AES_GCM_16-128");
    assertThat(c.child()).isEqualTo("full");
  }

  @Test
  void mobileconfigWithPkcs12AndRootPayloads() {
    Credential maya = PKI.clientWithEmail("maya@fulmar.test", Pki.KeyKind.RSA_2048);
    Imported i = Imported.by(user, apple.certificate(maya));
    assertThat(i.mapped()).contains("pkcs12 Password -> the keychain (PKCS#12 password)",
        "payload com.apple.security.pkcs12 '" + maya.identity() + "' -> auth.pkcs12.data");
    assertThat(i.texts("/report/notes")).anyMatch(n -> n.contains("not signed"));
    assertDroppedForLackOfKeychain(i, "certificate (PKCS#12) password");
    user.assertNoFileContains(ForeignProfiles.P12_PASSWORD);

    Imported.Connected c = i.connect(user, gateway, ForeignProfiles.P12_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("pubkey");
    assertThat(c.gateway().remoteId()).isEqualTo(maya.identity());
    assertThat(c.ikeProposal()).isEqualTo(CBC_IKE);
    assertThat(c.espProposal()).isEqualTo("AES_GCM_16-128");
    assertThat(c.child()).isEqualTo("full");
    assertThat(c.client().at("/dns/0").asText()).isEqualTo(Lab.PUSHED_DNS);
  }

  @Test
  void signedMobileconfigNamesItsSignerAndConnects() throws IOException {
    Credential signer = PKI.clientWithDns("mdm.fulmar.test", Pki.KeyKind.ECDSA_P256);
    Path signed = apple.signed("fulmar-lab-eap.mobileconfig", apple.eapPlist(), signer);
    Imported i = Imported.by(user, signed);
    assertThat(i.texts("/report/notes")).anyMatch(n -> n.contains("signed by")
        && n.contains("CN=mdm.fulmar.test") && n.contains(PKI.caName())
        && n.contains("the signature is valid"));
    assertDroppedForLackOfKeychain(i, "password");

    byte[] tampered = Files.readAllBytes(signed);
    int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1)
        .indexOf(Lab.GATEWAY_IP);
    tampered[at + Lab.GATEWAY_IP.length() - 1] = '9';
    Files.write(user.downloads().resolve("tampered.mobileconfig"), tampered);
    CommandRun refused = user.fulmar(null, "import", "tampered.mobileconfig");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(6);
    assertThat(refused.output()).contains("changed after it was signed");

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.EAP_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.ikeProposal()).isEqualTo("AES_GCM_16-128/PRF_HMAC_SHA2_256/CURVE_25519");
    assertThat(c.espProposal()).isEqualTo("CHACHA20_POLY1305");
  }

  @Test
  void fulmarProfileTakesTheFilesItNamesIntoTheSavedProfile() throws IOException {
    Credential frank = PKI.clientWithEmail("frank@fulmar.test", Pki.KeyKind.RSA_2048);
    Imported i = Imported.by(user, files.fulmarCertificate(frank));
    assertDroppedForLackOfKeychain(i, "certificate (PKCS#12) password");
    JsonNode saved = JSON.readTree(i.saved().toFile());
    assertThat(saved.at("/auth/pkcs12/data").asText()).isNotEmpty();
    assertThat(saved.at("/trust/caCertificates/0/pem").asText()).contains("BEGIN CERTIFICATE");
    assertThat(saved.at("/auth/pkcs12Password").isMissingNode()).isTrue();
    user.assertNoFileContains(ForeignProfiles.P12_PASSWORD);

    Imported.Connected c = i.connect(user, gateway, ForeignProfiles.P12_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("pubkey");
    assertThat(c.gateway().remoteId()).isEqualTo(frank.identity());
    assertThat(c.ikeProposal()).isEqualTo(CBC_IKE);
    assertThat(c.espProposal()).isEqualTo(CBC_ESP);
    assertThat(c.child()).isEqualTo("lan");
  }

  @Test
  void profileXmlIsCompletedWithWhatWindowsKeepsElsewhere() {
    Path xml = files.profileXml();
    CommandRun alone = user.fulmar(null, "import", xml.getFileName().toString());
    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(6);
    assertThat(alone.stdout()).contains("You still need to supply:",
        "your user name for eap-mschapv2", "TrustedRootCA");

    Imported i = Imported.by(user, xml, "--username", GatewayConfig.EAP_USER, "--ca",
        files.caFile().getFileName().toString());
    assertThat(i.mapped()).anyMatch(m -> m.startsWith("--ca "))
        .contains("--username " + GatewayConfig.EAP_USER + " -> auth.username",
            "NativeProfile.RoutingPolicyType SplitTunnel -> tunnel.mode split");
    assertThat(i.dropped()).anyMatch(d -> d.startsWith("EapHostConfig TrustedRootCA"));

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.EAP_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.ikeProposal()).isEqualTo(CBC_IKE);
    assertThat(c.espProposal()).isEqualTo("AES_GCM_16-256");
    assertThat(c.child()).isEqualTo("lan");
  }

  @Test
  void swanctlConnectionWithItsEapSecret() {
    Imported i = Imported.by(user, files.swanctl());
    assertThat(i.mapped()).contains("secrets.eap-alice -> the keychain (EAP password)");
    assertThat(i.dropped()).anyMatch(d -> d.startsWith("children.lan.dpd_action"));
    assertDroppedForLackOfKeychain(i, "password");
    user.assertNoFileContains(GatewayConfig.EAP_PASSWORD);

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.EAP_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.ikeProposal()).isEqualTo("CHACHA20_POLY1305-256/PRF_HMAC_SHA2_256/CURVE_25519");
    assertThat(c.espProposal()).isEqualTo("AES_GCM_16-128");
    assertThat(c.child()).isEqualTo("lan");
  }

  @Test
  void shrewHybridXauthBecomesEapMschapv2() {
    Imported i = Imported.by(user, files.shrewHybridXauth());
    assertThat(i.texts("/report/notes")).anyMatch(n -> n.startsWith("converted from IKEv1"))
        .anyMatch(n -> n.startsWith("XAuth (IKEv1) becomes EAP-MSCHAPv2"));
    assertThat(i.dropped()).anyMatch(d -> d.startsWith("phase1-exchange"));
    assertThat(i.mapped()).contains("auth-server-cert-data -> trust.caCertificates[0]");

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.EAP_PASSWORD);
    assertThat(c.gateway().name()).isEqualTo("eap-mschapv2");
    assertThat(c.gateway().eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(c.ikeProposal()).isEqualTo(CBC_IKE);
    assertThat(c.espProposal()).isEqualTo(CBC_ESP);
    assertThat(c.child()).isEqualTo("lan");
  }

  @Test
  void shrewMutualPskKeyIsAskedForEachTime() {
    Imported i = Imported.by(user, files.shrewMutualPsk());
    assertThat(i.mapped()).contains("auth-mutual-psk -> the keychain (pre-shared key)");
    assertDroppedForLackOfKeychain(i, "pre-shared key");
    user.assertNoFileContains(GatewayConfig.PSK);

    CommandRun without = user.diagnose(i.saved(), null);
    assertThat(without.exitCode()).as(without.toString()).isEqualTo(4);
    assertThat(without.output()).contains("pre-shared key").doesNotContain(GatewayConfig.PSK);
    assertThat(gateway.listSas()).noneMatch(sa -> sa.established() && "psk".equals(sa.name()));

    Imported.Connected c = i.connect(user, gateway, GatewayConfig.PSK);
    assertThat(c.gateway().name()).isEqualTo("psk");
    assertThat(c.gateway().remoteId()).isEqualTo(GatewayConfig.PSK_USER);
    assertThat(c.ikeProposal()).isEqualTo(CBC_IKE);
    assertThat(c.espProposal()).isEqualTo(CBC_ESP);
    assertThat(c.child()).isEqualTo("lan");
  }

  /** No keychain on this machine: the secret was dropped, and the user is told so, once. */
  private static void assertDroppedForLackOfKeychain(Imported i, String what) {
    assertThat(i.secretOutcomes()).singleElement().satisfies(m -> {
      assertThat(m).startsWith("the " + what + " from the file was not kept: no keychain")
          .endsWith("you will be asked for it each time you connect");
      assertThat(m.split("each time", -1)).hasSize(2);
    });
  }
}
