package dev.fulmar.control.message;

import dev.fulmar.profiles.model.Profile;

/**
 * Negotiates IKE and one CHILD SA with the profile's gateway, reports what was negotiated (or the
 * failure), deletes the SA; touches no routes, DNS or adapter. Answered with a {@link
 * DiagnoseReport} whether it succeeded or not; may send {@link PromptEvent}s meanwhile.
 *
 * @param profileName the name of a profile the helper knows; or null
 * @param profile the profile itself; or null
 * @param credentials secrets; null or empty to be prompted
 */
public record Diagnose(String profileName, Profile profile, Credentials credentials)
    implements Request {
  public Diagnose {
    Targets.checkOne("diagnose", profileName, profile);
    credentials = credentials == null ? Credentials.none() : credentials;
  }

  /** The name the helper and the user know the target by. */
  public String targetName() {
    return profile != null ? profile.name() : profileName;
  }
}
