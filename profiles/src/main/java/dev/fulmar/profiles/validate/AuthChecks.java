package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Pkcs12;
import java.util.List;

/** Cross-field checks of the authentication section. */
final class AuthChecks {
  private AuthChecks() {}

  static void check(Authentication a, List<Problem> out) {
    if (a == null) {
      out.add(Problem.error("auth", "is missing: say how you sign in"));
      return;
    }
    if (a instanceof Authentication.PasswordEap pe) {
      passwordEap("auth", pe, out);
    } else if (a instanceof Authentication.EapTls tls) {
      pkcs12("auth", tls.certificate(), "EAP-TLS", out);
    } else if (a instanceof Authentication.Certificate c) {
      pkcs12("auth", c.certificate(), "certificate authentication", out);
    } else if (a instanceof Authentication.CertificateThenEap ce) {
      pkcs12("auth", ce.certificate(), "certificate+eap", out);
      passwordEap("auth.eap", ce.eap(), out);
    } else if (a instanceof Authentication.Psk) {
      out.add(
          Problem.warning(
              "auth.method",
              "with a pre-shared key, anyone who knows the key can impersonate the gateway; prefer"
                  + " certificates or EAP where the gateway allows it"));
    }
  }

  private static void passwordEap(String path, Authentication.PasswordEap pe, List<Problem> out) {
    if (pe.username() == null || pe.username().isBlank()) {
      out.add(Problem.error(path + ".username", pe.eap().keyword() + " needs a username"));
    } else if (pe.username().chars().anyMatch(Character::isISOControl)) {
      out.add(Problem.error(path + ".username", "contains control characters"));
    }
  }

  private static void pkcs12(String path, Pkcs12 p12, String what, List<Problem> out) {
    if (p12 == null) {
      out.add(
          Problem.error(
              path + ".pkcs12",
              what
                  + " needs the client certificate as a PKCS#12 "
                  + "bundle: {\"data\": \"<base64>\"} or {\"path\": \"/path/to/client.p12\"}"));
    } else if (p12 instanceof Pkcs12.Embedded e) {
      byte[] d = e.data().toArray();
      if (d.length < 4 || d[0] != 0x30) {
        out.add(Problem.error(path + ".pkcs12.data", "is not a PKCS#12 bundle (not DER)"));
      }
    } else if (((Pkcs12.FileRef) p12).path().isBlank()) {
      out.add(Problem.error(path + ".pkcs12.path", "is empty"));
    }
  }
}
