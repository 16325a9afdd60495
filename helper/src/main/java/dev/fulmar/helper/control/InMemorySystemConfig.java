package dev.fulmar.helper.control;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Policy;
import dev.fulmar.profiles.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** System profiles and policy in memory: for tests and the app's fake helper. Thread-safe. */
public final class InMemorySystemConfig implements SystemConfig {
  private final List<Profile> profiles = new ArrayList<>();
  private volatile Policy policy = Policy.DEFAULT;

  /** Starts with {@code initial} as system profiles. */
  public InMemorySystemConfig(List<Profile> initial) {
    profiles.addAll(initial);
  }

  @Override
  public synchronized List<Profile> systemProfiles() {
    return List.copyOf(profiles);
  }

  @Override
  public synchronized void saveSystemProfile(Profile profile) {
    profiles.removeIf(p -> p.id().equals(profile.id()) || same(p.name(), profile.name()));
    profiles.add(profile);
  }

  @Override
  public synchronized void deleteSystemProfile(String name) throws TunnelServiceException {
    if (!profiles.removeIf(p -> same(p.name(), name))) {
      throw new TunnelServiceException(ErrorCode.UNKNOWN_PROFILE, "no system profile named '"
          + name + "'");
    }
  }

  @Override
  public Policy policy() {
    return policy;
  }

  @Override
  public void setPolicy(Policy p) {
    policy = Objects.requireNonNull(p, "policy");
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }
}
