package dev.fulmar.control.message;

import dev.fulmar.profiles.model.Profile;

/**
 * Brings the tunnel up with a profile the helper knows (by name) or with a profile the client
 * sends (a {@code .vpn} document, validated by the helper). The answer comes when the attempt
 * ends: a {@link StatusReport} once {@code CONNECTED}, or an {@link ErrorReply} ({@code
 * CONNECT_FAILED} with the {@link Failure}). Meanwhile the helper may send this client {@link
 * PromptEvent}s, answered with {@link AnswerPrompt}.
 *
 * @param profileName the name of a system profile or a profile sent earlier; or null
 * @param profile the profile itself; or null
 * @param credentials secrets for this connection; null or empty to be prompted
 */
public record Connect(String profileName, Profile profile, Credentials credentials)
    implements Request {
  public Connect {
    Targets.checkOne("connect", profileName, profile);
    credentials = credentials == null ? Credentials.none() : credentials;
  }

  /** Connect to the profile the helper knows by {@code name}. */
  public static Connect byName(String name, Credentials credentials) {
    return new Connect(name, null, credentials);
  }

  /** Connect with a profile the client has. */
  public static Connect withProfile(Profile profile, Credentials credentials) {
    return new Connect(null, profile, credentials);
  }

  /** The name the helper and the user know the target by. */
  public String targetName() {
    return profile != null ? profile.name() : profileName;
  }
}
