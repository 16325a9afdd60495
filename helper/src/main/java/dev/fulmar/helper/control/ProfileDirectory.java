package dev.fulmar.helper.control;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.profiles.model.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles a client can name: the system profiles, and the profiles each user sent with
 * {@code connect} or {@code diagnose} (kept in memory per uid, at most 32 each, never shown to
 * other users). System profiles win a name clash.
 */
final class ProfileDirectory {
  private static final int MAX_SENT_PER_USER = 32;
  private final SystemConfig system;
  private final Map<Long, LinkedHashMap<String, Profile>> sent = new HashMap<>();

  ProfileDirectory(SystemConfig system) {
    this.system = system;
  }

  /** Remembers a profile {@code uid} sent. */
  synchronized void remember(long uid, Profile p) {
    LinkedHashMap<String, Profile> mine = sent.computeIfAbsent(uid, k -> new LinkedHashMap<>());
    mine.remove(key(p.name()));
    mine.put(key(p.name()), p);
    while (mine.size() > MAX_SENT_PER_USER) {
      mine.remove(mine.keySet().iterator().next());
    }
  }

  /** The profile {@code uid} may use under {@code name}. */
  Profile resolve(long uid, String name) throws TunnelServiceException {
    for (Profile p : system.systemProfiles()) {
      if (key(p.name()).equals(key(name))) {
        return p;
      }
    }
    Optional<Profile> mine;
    synchronized (this) {
      mine = Optional.ofNullable(sent.getOrDefault(uid, new LinkedHashMap<>()).get(key(name)));
    }
    return mine.orElseThrow(() -> new TunnelServiceException(ErrorCode.UNKNOWN_PROFILE,
        "no profile named '" + name + "': the helper knows the system profiles and the ones you "
            + "sent; to use a profile file, pass the file"));
  }

  /** The system profiles, then those {@code uid} sent. */
  List<ProfileSummary> list(long uid) throws TunnelServiceException {
    List<ProfileSummary> out = new ArrayList<>();
    for (Profile p : system.systemProfiles()) {
      out.add(summary(p, ProfileSummary.Source.SYSTEM));
    }
    synchronized (this) {
      for (Profile p : sent.getOrDefault(uid, new LinkedHashMap<>()).values()) {
        out.add(summary(p, ProfileSummary.Source.SENT));
      }
    }
    return out;
  }

  static ProfileSummary summary(Profile p, ProfileSummary.Source source) {
    return new ProfileSummary(p.id().toString(), p.name(), source,
        p.gateways().isEmpty() ? null : p.gateway().host(), p.auth().method());
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
