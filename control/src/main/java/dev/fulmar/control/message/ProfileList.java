package dev.fulmar.control.message;

import java.util.List;

/** The answer to {@link ListProfiles}: system profiles first, then the ones this user sent. */
public record ProfileList(List<ProfileSummary> profiles) implements Response {
  public ProfileList {
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
  }
}
