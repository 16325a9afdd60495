package dev.fulmar.core.api;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the client authenticates itself in IKE_AUTH. The gateway is always authenticated first (with
 * its certificate, or with the PSK for {@link Psk}); nothing secret is sent before that.
 */
public sealed interface AuthConfig permits AuthConfig.Eap, AuthConfig.Certificate, AuthConfig.Psk {

  /**
   * EAP (RFC 7296 §2.16): the first IKE_AUTH carries no AUTH payload, the gateway authenticates
   * with its certificate, then EAP runs and the final AUTH is computed from the MSK.
   *
   * @param methods the methods the profile allows (the gateway picks one)
   * @param identity the EAP identity (user name)
   * @param credentials asked for the password once the gateway is authenticated
   * @param tlsCertificate for EAP-TLS: the client certificate chain and key, else null
   */
  record Eap(
      Set<EapMethod> methods,
      String identity,
      CredentialProvider credentials,
      Certificate tlsCertificate)
      implements AuthConfig {
    public Eap {
      methods = Set.copyOf(methods);
      Objects.requireNonNull(identity, "identity");
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("no EAP method");
      }
      if (methods.contains(EapMethod.TLS) && tlsCertificate == null) {
        throw new IllegalArgumentException("EAP-TLS needs a client certificate");
      }
      if (credentials == null && !methods.equals(Set.of(EapMethod.TLS))) {
        throw new IllegalArgumentException("password-based EAP needs a credential provider");
      }
    }
  }

  /**
   * Certificate authentication with RFC 7427 digital signatures (RSA PKCS#1 v1.5 or PSS, ECDSA).
   *
   * @param chain our certificate first, then intermediates (no root needed)
   * @param privateKey the key of {@code chain.get(0)}
   */
  record Certificate(List<X509Certificate> chain, PrivateKey privateKey) implements AuthConfig {
    public Certificate {
      chain = List.copyOf(chain);
      Objects.requireNonNull(privateKey, "privateKey");
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("empty certificate chain");
      }
    }

    @Override
    public String toString() {
      return "Certificate[" + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
  }

  /**
   * Pre-shared key (RFC 7296 §2.15) for both directions: the gateway's AUTH is verified with it
   * before ours is sent.
   */
  record Psk(Secret key) implements AuthConfig {
    public Psk {
      Objects.requireNonNull(key, "key");
    }
  }
}
