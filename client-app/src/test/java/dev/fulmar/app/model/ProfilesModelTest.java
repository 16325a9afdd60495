package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.store.Listing;
import dev.fulmar.profiles.store.StoredProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfilesModelTest {
  static StoredProfile user(String name, UUID id) {
    return new StoredProfile(Profile.builder().id(id).name(name).gateway(name + ".example.net")
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "u")).build(),
        StoredProfile.Source.USER, Path.of("/x/" + id + ".vpn"));
  }

  @Test
  void systemProfilesFirstThenTheUsersEachSortedByName() {
    ProfilesModel m = new ProfilesModel();
    m.setLocal(new Listing(List.of(user("zeta", UUID.randomUUID()),
        user("Alpha", UUID.randomUUID())), List.of()));
    m.setHelper(List.of(
        new ProfileSummary("a", "Corp", ProfileSummary.Source.SYSTEM, "c", "certificate"),
        new ProfileSummary("b", "Sent", ProfileSummary.Source.SENT, "s", "psk")));
    assertThat(m.entries()).extracting(ProfileEntry::name).containsExactly("Corp", "Alpha", "zeta");
    assertThat(m.entries().get(0).system()).isTrue();
    assertThat(m.entries().get(0).profile()).isNull();
  }

  @Test
  void aUserProfileNamedLikeASystemOneIsHiddenBehindIt() {
    ProfilesModel m = new ProfilesModel();
    m.setLocal(new Listing(List.of(user("corp", UUID.randomUUID())), List.of()));
    m.setHelper(List.of(new ProfileSummary("a", "Corp", ProfileSummary.Source.SYSTEM, "c", "psk")));
    assertThat(m.entries()).singleElement().satisfies(e -> assertThat(e.system()).isTrue());
    assertThat(m.byName("CORP ")).isPresent();
  }

  @Test
  void authKeywordsTellWhichSecretsAProfileNeeds() {
    assertThat(new ProfileEntry("1", "a", "", "eap-mschapv2", false, null).usesEapPassword())
        .isTrue();
    ProfileEntry both = new ProfileEntry("1", "a", "", "certificate+eap", false, null);
    assertThat(both.usesEapPassword() && both.usesCertificate()).isTrue();
    assertThat(new ProfileEntry("1", "a", "", "psk", false, null).usesPsk()).isTrue();
    assertThat(new ProfileEntry("not-a-uuid", "a", "", "", false, null).uuid()).isEmpty();
  }
}
