package dev.fulmar.app.model;

import dev.fulmar.profiles.model.Profile;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One profile in the list: a user profile from the local store (with its full {@link Profile}) or
 * a system profile the helper knows (by name; its settings stay with the helper).
 *
 * @param id the profile's UUID as text
 * @param name the profile's name (unique, case-insensitively)
 * @param gateway the primary gateway host, or ""
 * @param authMethod the authentication keyword, e.g. {@code eap-mschapv2}, or ""
 * @param system whether an administrator provisioned it (read-only)
 * @param profile the profile itself for user profiles and locally readable system ones, or null
 */
public record ProfileEntry(
    String id, String name, String gateway, String authMethod, boolean system, Profile profile) {

  public ProfileEntry {
    gateway = gateway == null ? "" : gateway;
    authMethod = authMethod == null ? "" : authMethod;
  }

  /** The id as a UUID, when it is one (secrets are keyed by it). */
  public Optional<UUID> uuid() {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code other} is the same name, ignoring case and surrounding blanks. */
  public boolean hasName(String other) {
    return other != null && key(name).equals(key(other));
  }

  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether connecting asks for a password-like secret (EAP, PSK) rather than a certificate. */
  public boolean usesEapPassword() {
    return authMethod.equals("eap-mschapv2") || authMethod.equals("eap-gtc")
        || authMethod.equals("eap-md5") || authMethod.equals("certificate+eap");
  }

  /** Whether connecting needs the PKCS#12 bundle's password. */
  public boolean usesCertificate() {
    return authMethod.equals("certificate") || authMethod.equals("eap-tls")
        || authMethod.equals("certificate+eap");
  }

  /** Whether the profile authenticates with a pre-shared key. */
  public boolean usesPsk() {
    return authMethod.equals("psk");
  }
}
