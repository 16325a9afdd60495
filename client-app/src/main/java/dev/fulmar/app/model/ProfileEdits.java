package dev.fulmar.app.model;

import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.message.Policy;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;

/** The few changes the app makes to a user's profile, each returning a new profile. */
public final class ProfileEdits {
  private ProfileEdits() {}

  /** The PKCS#12 bundle a certificate profile uses, or null (none, or not a certificate profile). */
  public static Pkcs12 certificate(Authentication a) {
    if (a instanceof Authentication.Certificate c) {
      return c.certificate();
    }
    if (a instanceof Authentication.EapTls t) {
      return t.certificate();
    }
    if (a instanceof Authentication.CertificateThenEap ce) {
      return ce.certificate();
    }
    return null;
  }

  /** Whether {@code a} authenticates with a client certificate. */
  public static boolean needsCertificate(Authentication a) {
    return a instanceof Authentication.Certificate || a instanceof Authentication.EapTls
        || a instanceof Authentication.CertificateThenEap;
  }

  /**
   * Why a certificate profile cannot connect as it is: "" when its PKCS#12 is embedded or the
   * referenced file exists; the missing path when the file is gone; null when it has none.
   */
  public static String missingCertificate(Profile p) {
    return missingCertificate(p, Path.of(""));
  }

  /** As {@link #missingCertificate(Profile)}, with relative paths resolved in {@code baseDir}. */
  public static String missingCertificate(Profile p, Path baseDir) {
    if (!needsCertificate(p.auth())) {
      return "";
    }
    Pkcs12 c = certificate(p.auth());
    if (c == null) {
      return null;
    }
    if (c instanceof Pkcs12.FileRef f && !Files.isRegularFile(baseDir.resolve(f.path()))) {
      return f.path();
    }
    return "";
  }

  /** The profile with its client certificate taken from {@code file}. */
  public static Profile withCertificateFile(Profile p, Path file) {
    Pkcs12 ref = new Pkcs12.FileRef(file.toAbsolutePath().toString());
    Authentication a = p.auth();
    Authentication changed;
    if (a instanceof Authentication.Certificate) {
      changed = new Authentication.Certificate(ref);
    } else if (a instanceof Authentication.EapTls t) {
      changed = new Authentication.EapTls(ref, t.identity());
    } else if (a instanceof Authentication.CertificateThenEap ce) {
      changed = new Authentication.CertificateThenEap(ref, ce.eap());
    } else {
      return p;
    }
    return p.toBuilder().auth(changed).build();
  }

  /** The profile with the EAP user name set (for password EAP, alone or after a certificate). */
  public static Profile withUsername(Profile p, String username) {
    Authentication a = p.auth();
    if (a instanceof Authentication.PasswordEap pe) {
      return p.toBuilder().auth(new Authentication.PasswordEap(pe.eap(), username)).build();
    }
    if (a instanceof Authentication.CertificateThenEap ce) {
      return p.toBuilder().auth(new Authentication.CertificateThenEap(ce.certificate(),
          new Authentication.PasswordEap(ce.eap().eap(), username))).build();
    }
    return p;
  }

  /** The EAP user name of the profile, or null. */
  public static String username(Profile p) {
    if (p.auth() instanceof Authentication.PasswordEap pe) {
      return pe.username();
    }
    if (p.auth() instanceof Authentication.CertificateThenEap ce) {
      return ce.eap().username();
    }
    return null;
  }

  /**
   * The profile as the app sends it: with the kill switch turned on when the user's setting asks
   * for it and the helper's policy leaves the choice to users (the LAN exception only where the
   * policy allows it). Otherwise the profile's own setting stands; the helper enforces policy.
   */
  public static Profile forConnect(Profile p, Settings s, Policy policy) {
    if (policy.killSwitch() != Policy.KillSwitchRule.USER_CHOICE || !s.killSwitch()) {
      return p;
    }
    boolean lan = s.allowLan() && policy.lanExceptionAllowed();
    return p.toBuilder().killSwitch(new KillSwitch(true, lan)).build();
  }
}
