package dev.fulmar.profiles.model;

import java.util.Objects;

/**
 * How the client authenticates to the gateway. The gateway always authenticates with its
 * certificate first (see {@link Trust}); secrets (passwords, PSK, PKCS#12 password) are never part
 * of a profile: they live in the keychain or are asked for.
 */
public sealed interface Authentication {

  /** The value written in the {@code auth.method} field. */
  String method();

  /** The client certificate bundle, for the methods that use one (it may still be missing). */
  default java.util.Optional<Pkcs12> pkcs12() {
    if (this instanceof Certificate c) {
      return java.util.Optional.ofNullable(c.certificate());
    }
    if (this instanceof EapTls t) {
      return java.util.Optional.ofNullable(t.certificate());
    }
    if (this instanceof CertificateThenEap ce) {
      return java.util.Optional.ofNullable(ce.certificate());
    }
    return java.util.Optional.empty();
  }

  /** True for the methods that need a client certificate. */
  default boolean usesCertificate() {
    return this instanceof Certificate || this instanceof EapTls || this instanceof CertificateThenEap;
  }

  /** The password-EAP round (alone or after the certificate round), if any. */
  default java.util.Optional<PasswordEap> passwordRound() {
    if (this instanceof PasswordEap pe) {
      return java.util.Optional.of(pe);
    }
    if (this instanceof CertificateThenEap ce) {
      return java.util.Optional.of(ce.eap());
    }
    return java.util.Optional.empty();
  }

  /** Password-based EAP (EAP-MSCHAPv2, EAP-GTC, EAP-MD5) with the user's name. */
  record PasswordEap(EapMethod eap, String username) implements Authentication {
    public PasswordEap {
      Objects.requireNonNull(eap, "eap");
      if (!eap.usesPassword()) {
        throw new IllegalArgumentException(eap + " is not a password method");
      }
    }

    @Override
    public String method() {
      return eap.keyword();
    }
  }

  /** EAP-TLS: the client certificate inside EAP; {@code identity} is the EAP identity or null. */
  record EapTls(Pkcs12 certificate, String identity) implements Authentication {
    @Override
    public String method() {
      return EapMethod.TLS.keyword();
    }
  }

  /** IKEv2 certificate authentication (RSA or ECDSA, RFC 7427 signatures). */
  record Certificate(Pkcs12 certificate) implements Authentication {
    @Override
    public String method() {
      return "certificate";
    }
  }

  /** Pre-shared key; the key itself is a secret kept outside the profile. */
  record Psk() implements Authentication {
    @Override
    public String method() {
      return "psk";
    }
  }

  /** RFC 4739 multiple authentication: the certificate round, then a password-EAP round. */
  record CertificateThenEap(Pkcs12 certificate, PasswordEap eap) implements Authentication {
    public CertificateThenEap {
      Objects.requireNonNull(eap, "eap");
    }

    @Override
    public String method() {
      return "certificate+eap";
    }
  }

  /** EAP methods with their IANA EAP type numbers. */
  enum EapMethod {
    MSCHAPV2("eap-mschapv2", 26),
    GTC("eap-gtc", 6),
    MD5("eap-md5", 4),
    TLS("eap-tls", 13);

    private final String keyword;
    private final int type;

    EapMethod(String keyword, int type) {
      this.keyword = keyword;
      this.type = type;
    }

    public String keyword() {
      return keyword;
    }

    /** IANA EAP method type. */
    public int eapType() {
      return type;
    }

    public boolean usesPassword() {
      return this != TLS;
    }

    /** The method for a keyword such as {@code eap-mschapv2}, or null. */
    public static EapMethod byKeyword(String keyword) {
      for (EapMethod m : values()) {
        if (m.keyword.equals(keyword)) {
          return m;
        }
      }
      return null;
    }
  }
}
