package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.imports.SwanctlParser.Section;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;

/**
 * The {@code secrets} section: one-time input for the keychain. An EAP secret is taken when its
 * {@code id} is the profile's user name (or it is the only one); an IKE secret when the profile
 * uses a PSK. Private-key passphrases are not used (Fulmar reads PKCS#12 bundles).
 */
final class SwanctlSecrets {
  private SwanctlSecrets() {}

  static void collect(Section secrets, Profile p, SecretBundle out, ReportBuilder rb) {
    if (secrets == null) {
      return;
    }
    String user = username(p.auth());
    long eapCount = secrets.sections.keySet().stream().filter(k -> k.startsWith("eap")).count();
    for (Section s : secrets.sections.values()) {
      String secret = s.value("secret");
      String where = "secrets." + s.name;
      if (secret == null) {
        rb.dropped(where, "has no secret");
      } else if (s.name.startsWith("eap")
          && user != null
          && (user.equals(s.value("id")) || eapCount == 1)) {
        out.put(SecretKind.EAP_PASSWORD, secret.toCharArray());
        rb.mapped(where, "the keychain (EAP password)");
      } else if (s.name.startsWith("ike") && p.auth() instanceof Authentication.Psk) {
        out.put(SecretKind.PSK, secret.toCharArray());
        rb.mapped(where, "the keychain (pre-shared key)");
      } else {
        rb.dropped(
            where,
            s.name.startsWith("eap") || s.name.startsWith("ike")
                ? "does not belong to the imported connection"
                : "private-key passphrases are not used: Fulmar reads PKCS#12 bundles");
      }
    }
  }

  private static String username(Authentication a) {
    if (a instanceof Authentication.PasswordEap pe) {
      return pe.username();
    }
    return a instanceof Authentication.CertificateThenEap ce ? ce.eap().username() : null;
  }
}
