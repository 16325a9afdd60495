package dev.fulmar.control.message;

import java.util.Objects;

/**
 * One profile the helper knows, without its settings.
 *
 * @param id the profile's UUID
 * @param name the profile's name
 * @param source where the helper has it from
 * @param gateway the primary gateway host
 * @param auth the authentication method keyword, e.g. {@code eap-mschapv2}
 */
public record ProfileSummary(String id, String name, Source source, String gateway, String auth) {

  /** Where a profile the helper knows comes from. */
  public enum Source {
    /** Provisioned by an administrator; read-only to operators. */
    SYSTEM,
    /** Sent by this user in a {@code connect} or {@code diagnose} request (kept in memory). */
    SENT
  }

  public ProfileSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** Whether operators may not change it. */
  public boolean readOnly() {
    return source == Source.SYSTEM;
  }
}
