package dev.fulmar.profiles.secrets;

/** The kinds of secret a profile may need; each is stored per profile under its own key. */
public enum SecretKind {
  /** The EAP password (MSCHAPv2, GTC, MD5). */
  EAP_PASSWORD("eap-password", "password"),
  /** The IKE pre-shared key. */
  PSK("psk", "pre-shared key"),
  /** The password that unlocks the PKCS#12 bundle. */
  PKCS12_PASSWORD("pkcs12-password", "certificate (PKCS#12) password");

  private final String key;
  private final String description;

  SecretKind(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /**
   * The secrets a connection with this authentication needs, in the order they are asked for
   * (the PKCS#12 password before the EAP password of certificate+eap).
   */
  public static java.util.List<SecretKind> requiredBy(
      dev.fulmar.profiles.model.Authentication auth) {
    java.util.List<SecretKind> out = new java.util.ArrayList<>();
    if (auth.usesCertificate()) {
      out.add(PKCS12_PASSWORD);
    }
    if (auth.passwordRound().isPresent()) {
      out.add(EAP_PASSWORD);
    }
    if (auth instanceof dev.fulmar.profiles.model.Authentication.Psk) {
      out.add(PSK);
    }
    return java.util.List.copyOf(out);
  }

  /** Stable key used in keychain entries. */
  public String key() {
    return key;
  }

  /** Plain words for messages ("the pre-shared key"). */
  public String description() {
    return description;
  }
}
