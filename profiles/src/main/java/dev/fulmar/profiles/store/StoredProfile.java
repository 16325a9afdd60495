package dev.fulmar.profiles.store;

import dev.fulmar.profiles.model.Profile;
import java.nio.file.Path;

/** A profile as found in the store: where it came from and whether the user may change it. */
public record StoredProfile(Profile profile, Source source, Path file) {

  /** User profiles are the user's; system profiles are provisioned by an admin, read-only. */
  public enum Source {
    USER,
    SYSTEM
  }

  public boolean readOnly() {
    return source == Source.SYSTEM;
  }
}
