package dev.fulmar.profiles.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.KeyExchange;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {
  static String resource(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/vpn", name));
  }

  @Test
  void readsTheFullExampleIntoTypedFields() throws Exception {
    ReadResult r = ProfileCodec.read(resource("full.vpn"));

    assertThat(r.problems()).isEmpty();
    Profile p = r.profile();
    assertThat(p.gateways()).hasSize(3);
    assertThat(p.gateway().host()).isEqualTo("vpn.example.net");
    assertThat(p.gateways().get(1).port()).isEqualTo(4500);
    assertThat(p.auth())
        .isEqualTo(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "jdoe"));
    assertThat(p.proposals().ike().get(0).additionalKeyExchanges().get(1))
        .containsExactly(KeyExchange.MLKEM768);
    assertThat(p.routing().include())
        .containsExactly(Subnet.of("10.20.0.0/16"), Subnet.of("2001:db8:20::/48"));
    assertThat(p.transport().mtu()).isEqualTo(1400);
    assertThat(p.trust().caCertificates()).hasSize(2);
  }

  @Test
  void roundTripIsStable() throws Exception {
    for (String file : new String[] {"full.vpn", "minimal.vpn", "odd-but-valid.vpn"}) {
      Profile first = ProfileCodec.read(resource(file)).profile();
      String written = ProfileCodec.write(first);
      ReadResult again = ProfileCodec.read(written);
      assertThat(again.errors()).isEmpty();
      assertThat(again.profile()).isEqualTo(first);
      assertThat(ProfileCodec.write(again.profile())).isEqualTo(written);
    }
  }

  @Test
  void unknownFieldsWarnAndSurviveTheRoundTrip() {
    String text =
        """
{"format": "fulmar-profile", "version": 1, "name": "x", "futureFeature": {"a": [1, 2.5, null]},
 "gateway": {"host": "vpn.example.net", "weight": 3},
 "auth": {"method": "eap-mschapv2", "username": "jdoe"}}
""";
    ReadResult r = ProfileCodec.read(text);

    assertThat(r.ok()).isTrue();
    assertThat(r.warnings())
        .extracting(Problem::path)
        .containsExactly("futureFeature", "gateway.weight");
    assertThat(r.warnings().get(0).location()).isEqualTo(new Location(1, 57));
    String written = ProfileCodec.write(r.profile());
    assertThat(written)
        .contains("\"futureFeature\": {\"a\":[1,2.5,null]}")
        .contains("\"weight\": 3");
    assertThat(ProfileCodec.read(written).profile()).isEqualTo(r.profile());
  }

  @Test
  void reportsEveryProblemAtOnceWithPathAndPosition() {
    String text =
        """
        {"format": "fulmar-profile", "version": 1, "name": "x",
         "gateway": {"host": "vpn..example", "port": 70000},
         "auth": {"method": "certificate"},
         "proposals": {"ike": ["3des-sha1-modp1024", "aes257-sha256-ecp256"]},
         "tunnel": {"mode": "split", "include": ["10.20.0.1/16"]}}
        """;
    ReadResult r = ProfileCodec.read(text);

    assertThat(r.ok()).isFalse();
    assertThat(r.errors())
        .extracting(Problem::toString)
        .contains(
            "2:22 gateway.host: 'vpn..example' is not a valid host name or IP address",
            "2:46 gateway.port: 70000 is out of range (1 to 65535)",
            "4:24 proposals.ike[0]: '3des' (ENCR_3DES) is too weak and is refused (RFC 8221/8247);"
                + " a profile cannot lower Fulmar's minimum: remove it and ask the gateway's admin"
                + " for a modern suite",
            "4:46 proposals.ike[1]: unknown algorithm 'aes257' in 'aes257-sha256-ecp256' (character"
                + " 1)",
            "5:42 tunnel.include[0]: '10.20.0.1/16' has host bits set: did you mean 10.20.0.0/16?");
    assertThat(r.errors())
        .anySatisfy(
            p ->
                assertThat(p.toString())
                    .startsWith(
                        "3:10 auth.pkcs12: certificate authentication needs the client"
                            + " certificate"));
    assertThat(r.errors())
        .anySatisfy(p -> assertThat(p.message()).contains("'modp1024' (MODP_1024)"));
    assertThat(r.errors())
        .anySatisfy(p -> assertThat(p.message()).contains("'sha1' (AUTH_HMAC_SHA1_96)"));
    assertThat(r.problems()).allSatisfy(p -> assertThat(p.location()).isNotNull());
  }

  @Test
  void syntaxErrorsAreLocated() {
    ReadResult r = ProfileCodec.read("{\"format\": \"fulmar-profile\",\n  \"version\": 1,,\n}");
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo(new Location(2, 16));
              assertThat(p.message()).startsWith("not valid JSON");
            });
    assertThat(ProfileCodec.read("").errors().get(0).message()).isEqualTo("the file is empty");
    assertThat(ProfileCodec.read("{\"a\":1,\"a\":2}").errors().get(0).message())
        .isEqualTo("'a' appears twice in the same object");
  }

  @Test
  void refusesOtherFormatsAndNewerVersions() {
    assertThat(ProfileCodec.read("{\"name\": \"x\"}").errors().get(0).message())
        .startsWith("this is not a Fulmar profile");
    ReadResult newer = ProfileCodec.read("{\"format\": \"fulmar-profile\", \"version\": 2}");
    assertThat(newer.errors().get(0).message()).contains("format version 2", "update Fulmar");
    assertThat(
            ProfileCodec.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b})
                .errors()
                .get(0)
                .message())
        .isEqualTo("the file is not UTF-8 text");
  }

  @Test
  void secretsInAFileAreSeparatedFromTheProfileAndOnlyWrittenOnRequest() {
    String text =
        """
{"format": "fulmar-profile", "version": 1, "name": "x", "gateway": {"host": "vpn.example.net"},
 "auth": {"method": "certificate+eap", "pkcs12": {"path": "/home/j/c.p12"}, "pkcs12Password": "p12-S3cret!",
          "eap": {"method": "eap-gtc", "username": "jdoe", "password": "eap-S3cret!"}}}
""";
    ReadResult r = ProfileCodec.read(text);

    assertThat(r.ok()).isTrue();
    assertThat(new String(r.secrets().get(SecretKind.PKCS12_PASSWORD))).isEqualTo("p12-S3cret!");
    assertThat(new String(r.secrets().get(SecretKind.EAP_PASSWORD))).isEqualTo("eap-S3cret!");
    assertThat(r.profile().toString()).doesNotContain("S3cret");
    String plain = ProfileCodec.write(r.profile());
    assertThat(plain).doesNotContain("S3cret").doesNotContain("password\"");
    String withSecrets = ProfileCodec.writeWithSecrets(r.profile(), r.secrets());
    assertThat(withSecrets)
        .contains("\"pkcs12Password\": \"p12-S3cret!\"", "\"password\": \"eap-S3cret!\"");
    ReadResult back = ProfileCodec.read(withSecrets);
    assertThat(back.profile()).isEqualTo(r.profile());
    assertThat(back.secrets().kinds())
        .containsExactlyInAnyOrder(SecretKind.PKCS12_PASSWORD, SecretKind.EAP_PASSWORD);
  }

  @Test
  void typeMismatchesNameTheExpectedType() {
    ReadResult r =
        ProfileCodec.read(
            """
            {"format": "fulmar-profile", "version": 1, "name": 7, "gateway": {"host": "h.example"},
             "auth": {"method": "psk"}, "autoConnect": "yes", "timers": {"dpd": 2.5}}
            """);
    assertThat(r.errors())
        .extracting(Problem::toString)
        .containsExactly(
            "1:52 name: must be a string, not a number",
            "2:44 autoConnect: must be true or false, not a string",
            "2:69 timers.dpd: must be a whole number, not a number");
  }

  @Test
  void anExplicitNullCountsAsMissingForRequiredFields() {
    ReadResult r =
        ProfileCodec.read(
            "{\"format\": \"fulmar-profile\", \"version\": null, \"name\": \"x\"}");
    assertThat(r.errors()).extracting(Problem::toString).containsExactly("1:1 version: is missing: the format version (1)");
    ReadResult noAuth =
        ProfileCodec.read(
            "{\"format\": \"fulmar-profile\", \"version\": 1, \"name\": \"x\","
                + " \"gateway\": {\"host\": \"vpn.example.net\"}, \"auth\": null}");
    assertThat(noAuth.ok()).isFalse();
    assertThat(noAuth.errors()).extracting(Problem::path).containsExactly("auth");
  }
}
