package dev.fulmar.profiles.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.EspProposal;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.IkeProposal;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Trust;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {
  private static Profile.Builder base() {
    return Profile.builder()
        .name("Corp")
        .gateway("vpn.example.net")
        .auth(new Authentication.PasswordEap(EapMethod.MSCHAPV2, "jdoe"));
  }

  private static List<String> errors(Profile p) {
    return ProfileValidator.validate(p).stream()
        .filter(Problem::isError)
        .map(Problem::toString)
        .toList();
  }

  @Test
  void aCompleteProfileHasNoErrors() {
    assertThat(errors(base().build())).isEmpty();
  }

  @Test
  void eapMschapv2NeedsAUsername() {
    Profile p = base().auth(new Authentication.PasswordEap(EapMethod.MSCHAPV2, null)).build();
    assertThat(errors(p)).containsExactly("auth.username: eap-mschapv2 needs a username");
  }

  @Test
  void certificateAuthNeedsAPkcs12() {
    assertThat(errors(base().auth(new Authentication.Certificate(null)).build()))
        .singleElement()
        .asString()
        .startsWith("auth.pkcs12: certificate authentication needs");
    Profile notDer =
        base()
            .auth(
                new Authentication.Certificate(
                    new Pkcs12.Embedded(Bytes.of(new byte[] {1, 2, 3, 4}))))
            .build();
    assertThat(errors(notDer))
        .containsExactly("auth.pkcs12.data: is not a PKCS#12 bundle (not DER)");
    Profile multi =
        base()
            .auth(
                new Authentication.CertificateThenEap(
                    null, new Authentication.PasswordEap(EapMethod.GTC, "")))
            .build();
    assertThat(errors(multi))
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).isEqualTo("auth.eap.username: eap-gtc needs a username"));
  }

  @Test
  void refusesEveryWeakAlgorithmByName() throws Exception {
    Profile p =
        base()
            .proposals(
                new Proposals(
                    List.of(
                        IkeProposal.parse("3des-sha1-prfsha256-modp1024"),
                        IkeProposal.parse("des-md5-modp768")),
                    List.of(
                        EspProposal.parse("blowfish-sha1"),
                        EspProposal.parse("aes256-sha256-modp1536"))))
            .build();
    List<String> e = errors(p);
    for (String weak :
        new String[] {
          "'3des'",
          "'sha1'",
          "'modp1024'",
          "'des'",
          "'md5'",
          "'modp768'",
          "'blowfish'",
          "'modp1536'"
        }) {
      assertThat(e).anySatisfy(m -> assertThat(m).contains(weak + " (").contains("too weak"));
    }
    assertThat(e)
        .anySatisfy(
            m -> assertThat(m).startsWith("proposals.esp[1]: 'modp1536' (MODP_1536) is too weak"));
  }

  @Test
  void refusesProposalsThatCannotBeNegotiated() throws Exception {
    Profile p =
        base()
            .proposals(
                new Proposals(
                    List.of(
                        IkeProposal.parse("aes256gcm16-aes256-prfsha256-ecp256"),
                        IkeProposal.parse("aes256gcm16-sha256-ecp256"),
                        IkeProposal.parse("aes256gcm16-prfsha256")),
                    List.of(EspProposal.parse("aes256"))))
            .build();
    assertThat(errors(p))
        .containsExactly(
            "proposals.ike[0]: mixes AEAD ciphers (like aes256gcm16) with non-AEAD ciphers (like"
                + " aes256) in one proposal: split them into two proposals",
            "proposals.ike[1]: AEAD ciphers (like aes256gcm16) take no integrity algorithm: remove"
                + " it or use a PRF (prfsha384) instead",
            "proposals.ike[2]: an IKE proposal needs a key exchange method, e.g. ecp384 or x25519"
                + " ('aes256gcm16-prfsha256')",
            "proposals.esp[0]: a non-AEAD cipher needs an integrity algorithm, e.g. sha256");
  }

  @Test
  void checksHostsPortsAndTrust() {
    Profile p =
        base()
            .gateways(List.of(new Gateway("vpn..example", 500), new Gateway("-bad.example", 0)))
            .trust(new Trust(List.of(), List.of(), false))
            .build();
    assertThat(errors(p))
        .containsExactly(
            "gateway.host: 'vpn..example' is not a valid host name or IP address",
            "fallbackGateways[0].host: '-bad.example' is not a valid host name or IP address",
            "fallbackGateways[0].port: 0 is not a port (1 to 65535)",
            "trust: nothing to check the gateway's certificate against: add a CA certificate, a"
                + " server certificate pin, or set \"systemTrustStore\": true");
  }

  @Test
  void keyLogIsAllowedWithAWarningThatSaysWhatItExposes() {
    Profile p =
        base().diagnostics(new dev.fulmar.profiles.model.Diagnostics("/tmp/ike.keys")).build();
    assertThat(errors(p)).isEmpty();
    assertThat(ProfileValidator.validate(p))
        .anySatisfy(w -> assertThat(w.message()).contains("can decrypt captured VPN traffic"));
    assertThat(
            errors(
                base().diagnostics(new dev.fulmar.profiles.model.Diagnostics("keys.txt")).build()))
        .containsExactly("diagnostics.keyLog: 'keys.txt' must be an absolute path");
  }
}
