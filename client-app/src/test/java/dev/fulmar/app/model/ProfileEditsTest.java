package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.message.Policy;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEditsTest {
  @TempDir Path dir;

  static Profile eap() {
    return Profile.builder().name("p").gateway("g.example.net")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "a")).build();
  }

  @Test
  void theKillSwitchSettingAppliesOnlyWhenThePolicyLeavesItToTheUser() {
    Settings on = Settings.DEFAULTS.withKillSwitch(true).withAllowLan(true);
    assertThat(ProfileEdits.forConnect(eap(), on, Policy.DEFAULT).killSwitch())
        .isEqualTo(new KillSwitch(true, true));
    Policy noLan = new Policy(null, true, Policy.KillSwitchRule.USER_CHOICE, false);
    assertThat(ProfileEdits.forConnect(eap(), on, noLan).killSwitch())
        .isEqualTo(new KillSwitch(true, false));
    Policy admin = new Policy(null, true, Policy.KillSwitchRule.OFF, true);
    assertThat(ProfileEdits.forConnect(eap(), on, admin).killSwitch()).isEqualTo(KillSwitch.OFF);
    assertThat(ProfileEdits.forConnect(eap(), Settings.DEFAULTS, Policy.DEFAULT).killSwitch())
        .isEqualTo(KillSwitch.OFF);
  }

  @Test
  void aCertificateProfileWithAMissingFileNamesIt() throws Exception {
    Path p12 = Files.write(dir.resolve("me.p12"), new byte[] {1});
    Profile cert = eap().toBuilder().auth(new Authentication.Certificate(
        new Pkcs12.FileRef(dir.resolve("gone.p12").toString()))).build();
    assertThat(ProfileEdits.missingCertificate(cert)).isEqualTo(dir.resolve("gone.p12").toString());
    Profile fixed = ProfileEdits.withCertificateFile(cert, p12);
    assertThat(ProfileEdits.missingCertificate(fixed)).isEmpty();
    assertThat(ProfileEdits.missingCertificate(eap())).isEmpty();
    Profile none = eap().toBuilder().auth(new Authentication.EapTls(null, "me")).build();
    assertThat(ProfileEdits.missingCertificate(none)).isNull();
    assertThat(((Authentication.EapTls) ProfileEdits.withCertificateFile(none, p12).auth())
        .identity()).isEqualTo("me");
  }

  @Test
  void theUserNameGoesWhereTheEapRoundIs() {
    assertThat(ProfileEdits.username(ProfileEdits.withUsername(eap(), "bob"))).isEqualTo("bob");
    Profile both = eap().toBuilder().auth(new Authentication.CertificateThenEap(null,
        new Authentication.PasswordEap(Authentication.EapMethod.GTC, null))).build();
    assertThat(ProfileEdits.username(ProfileEdits.withUsername(both, "carol"))).isEqualTo("carol");
    Profile psk = eap().toBuilder().auth(new Authentication.Psk()).build();
    assertThat(ProfileEdits.withUsername(psk, "x")).isEqualTo(psk);
  }
}
