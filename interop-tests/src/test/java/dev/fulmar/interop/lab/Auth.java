package dev.fulmar.interop.lab;

import java.util.Optional;

/**
 * One authentication round ({@code local} or {@code remote} section of a swanctl.conf connection):
 * the method, the identity and, for certificate methods, the credential.
 */
public final class Auth {
  private final ConfTree tree = new ConfTree();
  private Credential credential;

  private Auth(String method) {
    tree.set("auth", method);
  }

  /**
   * A round with the given method: pubkey, psk, eap-mschapv2, eap-tls, eap-md5, eap-gtc, eap (any
   * EAP method), ...
   */
  public static Auth of(String method) {
    return new Auth(method);
  }

  /** Certificate authentication with {@code credential}; its identity becomes the id. */
  public static Auth pubkey(Credential credential) {
    return of("pubkey").certificate(credential);
  }

  /** Any setting of the round (e.g. {@code set("revocation", "relaxed")}). */
  public Auth set(String key, String value) {
    tree.set(key, value);
    return this;
  }

  /** The IKE identity (for the peer: a pattern such as {@code %any} or {@code *@fulmar.test}). */
  public Auth id(String id) {
    return set("id", id);
  }

  /** The EAP identity ({@code %any} on a gateway asks the client for it). */
  public Auth eapId(String eapId) {
    return set("eap_id", eapId);
  }

  /** The certificate (and key) of this end; sets {@code certs} and the id to its identity. */
  public Auth certificate(Credential credential) {
    this.credential = credential;
    set("certs", credential.name() + ".pem");
    if (tree.get("id") == null) {
      id(credential.identity());
    }
    return this;
  }

  /** Restricts the peer's certificate to one issued by this CA file in x509ca/. */
  public Auth cacerts(String file) {
    return set("cacerts", file);
  }

  Optional<Credential> credential() {
    return Optional.ofNullable(credential);
  }

  ConfTree tree() {
    return tree;
  }
}
