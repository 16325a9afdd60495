package dev.fulmar.control.message;

import dev.fulmar.profiles.model.Profile;

/** Checks that a request names exactly one profile. */
final class Targets {
  private Targets() {}

  static void checkOne(String what, String name, Profile profile) {
    if ((name == null) == (profile == null)) {
      throw new IllegalArgumentException(what + ": give either profileName or profile (exactly "
          + "one)");
    }
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException(what + ": profileName is empty");
    }
  }
}
