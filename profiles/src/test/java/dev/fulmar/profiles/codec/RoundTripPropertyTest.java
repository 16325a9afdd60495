package dev.fulmar.profiles.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.testing.ProfileArbitraries;
import dev.fulmar.profiles.validate.ProfileValidator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Write → read → write over generated profiles covering every field: equal profiles, same text. */
class RoundTripPropertyTest {

  @Property(tries = 1000)
  void writeThenReadGivesTheSameProfile(@ForAll("profiles") Profile profile) {
    assertThat(ProfileValidator.hasErrors(ProfileValidator.validate(profile)))
        .as("generator makes valid profiles: %s", ProfileValidator.validate(profile))
        .isFalse();
    String text = ProfileCodec.write(profile);
    ReadResult back = ProfileCodec.read(text);

    assertThat(back.errors()).isEmpty();
    assertThat(back.profile()).isEqualTo(profile);
    assertThat(ProfileCodec.write(back.profile())).isEqualTo(text);
  }

  @Provide
  Arbitrary<Profile> profiles() {
    return ProfileArbitraries.profiles();
  }
}
