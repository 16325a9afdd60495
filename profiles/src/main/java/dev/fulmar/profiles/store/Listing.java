package dev.fulmar.profiles.store;

import java.util.List;

/** Everything in the profile directories: loaded profiles and files that failed to load. */
public record Listing(List<StoredProfile> profiles, List<BrokenFile> broken) {
  public Listing {
    profiles = List.copyOf(profiles);
    broken = List.copyOf(broken);
  }
}
