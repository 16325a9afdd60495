package dev.fulmar.profiles.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.testing.Mutator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Arbitrary text into the {@code .vpn} reader: a profile or located errors, never another
 * exception, never a hang. 100k inputs in the normal build (the default tries in
 * junit-platform.properties); see there for the long run.
 */
class ProfileCodecFuzzTest {

  @Property
  void anyTextGivesAProfileOrLocatedErrors(@ForAll("documents") String text) {
    ReadResult r = ProfileCodec.read(text);
    if (r.ok()) {
      assertThat(r.errors()).isEmpty();
      assertThat(ProfileCodec.read(ProfileCodec.write(r.profile())).profile())
          .isEqualTo(r.profile());
    } else {
      assertThat(r.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.location()).isNotNull());
    }
  }

  @Provide
  Arbitrary<String> documents() throws Exception {
    String minimal = Files.readString(Path.of("src/test/resources/vpn/minimal.vpn"));
    String full = Files.readString(Path.of("src/test/resources/vpn/full.vpn"));
    String medium =
        full.replaceAll(
            "(?s)\"pem\": \"-----BEGIN.*?-----END CERTIFICATE-----\\\\n\"",
            "\"path\": \"/ca.pem\"");
    return Mutator.mutants(
        List.of(minimal, minimal, medium, medium, full),
        List.of(
            "\"format\"",
            "\"fulmar-profile\"",
            "\"version\": 2",
            "null",
            "true",
            "[]",
            "{}",
            "1e99",
            "-1",
            "\"gateway\": {\"host\": \"a..b\"}",
            "\"psk\"",
            "\"certificate+eap\"",
            "\"eap\": {}",
            "\"ike\": [\"3des-md5-modp1024\"]",
            "ke1_mlkem768",
            "\"::/0\"",
            "\"pkcs12\": {\"data\": \"@@\"}",
            "\"mode\": \"split\"",
            "\\u0000",
            "\"mtu\": 99999999999999999999",
            "\"id\": \"x\""));
  }
}
