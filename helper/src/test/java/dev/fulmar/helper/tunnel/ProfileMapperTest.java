package dev.fulmar.helper.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.ike.Pki;
import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.helper.ProfileFiles;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileMapperTest {
  @TempDir Path dir;

  private Profile load(Path file) {
    TunnelManager.Loaded l = TunnelManager.load(file);
    assertThat(l.failure()).as("profile problems").isNull();
    return l.profile();
  }

  private IkeSessionParams map(Path file, Credentials c) throws IkeSessionException {
    return new ProfileMapper(dir).toParams(load(file), c, Optional.empty());
  }

  @Test
  void mapsAnEapProfileWithDefaultsAndTheProfilesCa() throws Exception {
    IkeSessionParams p = map(ProfileFiles.eap(dir, "office"), Credentials.none());

    assertThat(p.gatewayHost()).isEqualTo("192.0.2.1");
    assertThat(p.gatewayPort()).isEqualTo(500);
    assertThat(p.trustAnchors()).containsExactly(Pki.CA.certificate());
    assertThat(p.systemTrust()).isFalse();
    assertThat(p.auth()).isInstanceOfSatisfying(AuthConfig.Eap.class,
        e -> assertThat(e.identity()).isEqualTo("alice"));
    assertThat(p.ikeProposals()).isNotEmpty();
    assertThat(p.ikeProposals().get(0).toString()).startsWith("aes256gcm16-");
    assertThat(p.remoteSelectors()).as("both families, for the gateway to narrow")
        .hasToString("[0.0.0.0/0, ::/0]");
    assertThat(p.localSelectors()).hasToString("[0.0.0.0/0, ::/0]");
    assertThat(p.keyLog()).isEmpty();
  }

  @Test
  void mapsLivenessMobikeAndLifetimes() throws Exception {
    IkeSessionParams defaults = map(ProfileFiles.eap(dir, "timers-default"), Credentials.none());
    assertThat(defaults.dpdInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.mobike()).isTrue();
    assertThat(defaults.ikeLifetime()).isEqualTo(SaLifetime.of(Duration.ofHours(4)));
    assertThat(defaults.childLifetime()).isEqualTo(SaLifetime.of(Duration.ofHours(1)));

    Path f = ProfileFiles.write(dir, "timers", "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"alice\" }", "\"timers\": { \"dpd\": 5, \"ikeLifetime\": 600, \"childLifetime\":"
        + " 300 },\n  \"transport\": { \"mobike\": false }");
    IkeSessionParams p = map(f, Credentials.none());
    assertThat(p.dpdInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.mobike()).isFalse();
    assertThat(p.ikeLifetime().rekeyAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.childLifetime().rekeyAfter()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void fullTunnelProposesEveryAddressOfBothFamilies() throws Exception {
    Path f = ProfileFiles.write(dir, "full", "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"alice\" }", "\"tunnel\": { \"mode\": \"full\" }");
    IkeSessionParams p = map(f, Credentials.none());

    assertThat(p.remoteSelectors()).hasToString("[0.0.0.0/0, ::/0]");
    assertThat(p.localSelectors()).hasToString("[0.0.0.0/0, ::/0]");
  }

  @Test
  void mapsSplitTunnelSubnetsAndProposals() throws Exception {
    Path f = ProfileFiles.write(dir, "split", "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"alice\" }", "\"tunnel\": { \"mode\": \"split\", \"include\": [ \"10.200.0.0/24\","
        + " \"2001:db8:20::/48\" ] },\n  \"proposals\": { \"ike\": ["
        + " \"aes256gcm16-prfsha384-x25519-ke1_mlkem768\" ], \"esp\": [ \"aes128gcm16\" ] }");
    IkeSessionParams p = map(f, Credentials.none());

    assertThat(p.remoteSelectors()).hasToString("[10.200.0.0/24, 2001:db8:20::/48]");
    assertThat(p.localSelectors()).hasToString("[0.0.0.0/0, ::/0]");
    assertThat(p.ikeProposals()).singleElement().hasToString(
        "aes256gcm16-prfsha384-curve25519-ke1_mlkem768");
    assertThat(p.espProposals()).singleElement().hasToString("aes128gcm16");
  }

  @Test
  void mapsTheProfilesDefaultProposalsAlgorithmByAlgorithm() throws Exception {
    IkeSessionParams p = map(ProfileFiles.eap(dir, "defaults"), Credentials.none());

    assertThat(p.ikeProposals()).extracting(Object::toString).containsExactly(
        "aes256gcm16-aes128gcm16-chacha20poly1305-prfsha384-prfsha256-prfsha512"
            + "-ecp384-curve25519-ecp256-modp3072-modp2048",
        "aes256-aes128-sha256-sha384-sha512-prfsha256-prfsha384-prfsha512"
            + "-ecp384-ecp256-modp2048-modp3072");
    assertThat(p.espProposals()).extracting(Object::toString).containsExactly(
        "aes256gcm16-aes128gcm16-chacha20poly1305", "aes256-aes128-sha256-sha384-sha512");
  }

  @Test
  void mapsPfsAndExtendedSequenceNumbersOfAnEspProposal() throws Exception {
    Path f = ProfileFiles.write(dir, "pfs", "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"alice\" }", "\"proposals\": { \"esp\": [ \"aes256-sha384-ecp384-esn\" ] }");
    IkeSessionParams p = map(f, Credentials.none());

    assertThat(p.espProposals()).singleElement().satisfies(e -> {
      assertThat(e.integrity()).containsExactly(Algorithm.HMAC_SHA2_384_192);
      assertThat(e.keyExchange()).containsExactly(Algorithm.ECP_384);
      assertThat(e.esn()).containsExactly(Algorithm.ESN);
    });
  }

  @Test
  void refusesAWeakAlgorithmEvenInAProfileThatSkippedValidation() throws Exception {
    Profile weak = load(ProfileFiles.eap(dir, "weak")).toBuilder()
        .proposals(new Proposals(
            List.of(dev.fulmar.profiles.model.IkeProposal.parse("aes256-sha1-modp1024")),
            List.of()))
        .build();

    assertThatThrownBy(() -> new ProfileMapper(dir).toParams(weak, Credentials.none(),
        Optional.empty()))
        .isInstanceOfSatisfying(IkeSessionException.class, e -> {
          assertThat(e.failure().code()).isEqualTo(ErrorCode.WEAK_ALGORITHM);
          assertThat(e.failure().reason()).contains("HMAC-SHA1-96", "PRF-HMAC-SHA1", "MODP-1024");
        });
  }

  @Test
  void takesAPreSharedKeyFromTheGivenSecret() throws Exception {
    Path f = ProfileFiles.write(dir, "psk", "{ \"method\": \"psk\" }", "");
    IkeSessionParams p = map(f, Credentials.given("s3cret".toCharArray()));

    assertThat(p.auth()).isInstanceOfSatisfying(AuthConfig.Psk.class,
        k -> assertThat(new String(k.key().chars())).isEqualTo("s3cret"));
  }

  @Test
  void saysWhichSecretIsMissing() throws Exception {
    Path f = ProfileFiles.write(dir, "psk", "{ \"method\": \"psk\" }", "");

    assertThatThrownBy(() -> map(f, Credentials.none()))
        .isInstanceOfSatisfying(IkeSessionException.class, e -> {
          assertThat(e.failure().step()).isEqualTo(FailureStep.PREPARE);
          assertThat(e.failure().code()).isEqualTo(ErrorCode.CREDENTIALS_MISSING);
          assertThat(e.failure().reason()).isEqualTo("no pre-shared key was given");
        });
  }

  @Test
  void loadsTheClientCertificateFromAPkcs12FileWithItsPassword() throws Exception {
    Path p12 = dir.resolve("alice.p12");
    Files.write(p12, TestPki.pkcs12(Pki.CLIENT_RSA.privateKey(),
        List.of(Pki.CLIENT_RSA.certificate()), "p12-pass".toCharArray()));
    Path f = ProfileFiles.write(dir, "cert", "{ \"method\": \"certificate\", \"pkcs12\":"
        + " { \"path\": \"alice.p12\" } }", "");

    IkeSessionParams p = map(f, Credentials.given("p12-pass".toCharArray()));
    assertThat(p.auth()).isInstanceOfSatisfying(AuthConfig.Certificate.class,
        c -> assertThat(c.chain().get(0)).isEqualTo(Pki.CLIENT_RSA.certificate()));

    assertThatThrownBy(() -> map(f, Credentials.given("wrong".toCharArray())))
        .isInstanceOfSatisfying(IkeSessionException.class, e -> {
          assertThat(e.failure().code()).isEqualTo(ErrorCode.CLIENT_CERTIFICATE_UNUSABLE);
          assertThat(e.failure().reason()).contains("alice.p12");
        });
  }

  @Test
  void passesTheGatewayCertificatePinsOn() throws Exception {
    String pin = "9f:86:d0:81:88:4c:7d:65:9a:2f:ea:a0:c5:5a:d0:15:a3:bf:4f:1b:2b:0b:82:2c:d1:5d"
        + ":6c:15:b0:f0:0a:08";
    Path f = ProfileFiles.write(dir, "pinned", "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"alice\" }", "\"remoteId\": \"vpn.example.test\"");
    String json = Files.readString(f).replace("\"systemTrustStore\": false",
        "\"systemTrustStore\": false, \"serverCertSha256\": [ \"" + pin + "\" ]");
    Files.writeString(f, json);

    IkeSessionParams p = map(f, Credentials.none());
    assertThat(p.gatewayCertificatePins()).singleElement()
        .satisfies(b -> assertThat(b).hasSize(32).startsWith((byte) 0x9f, (byte) 0x86));
    assertThat(p.remoteIdentity()).hasValueSatisfying(id ->
        assertThat(id).hasToString("vpn.example.test"));
  }
}
