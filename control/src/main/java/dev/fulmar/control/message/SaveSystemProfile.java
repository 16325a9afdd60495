package dev.fulmar.control.message;

import dev.fulmar.profiles.model.Profile;
import java.util.Objects;

/**
 * Stores (or replaces, by id) a system profile (administrators only); answered with {@link Ok}.
 */
public record SaveSystemProfile(Profile profile) implements Request {
  public SaveSystemProfile {
    Objects.requireNonNull(profile, "profile");
  }
}
