package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.auth.ClientCredential;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** Offers the profile's client certificate (one key, one chain) to the TLS handshake. */
final class CredentialKeyManager extends X509ExtendedKeyManager {

  static final String ALIAS = "client";
  private final ClientCredential credential;

  CredentialKeyManager(ClientCredential credential) {
    this.credential = credential;
  }

  private String aliasFor(String[] keyTypes) {
    String alg = credential.privateKey().getAlgorithm();
    for (String t : keyTypes) {
      if (t.equals(alg) || (alg.equals("EC") && t.startsWith("EC"))
          || (alg.equals("RSA") && t.startsWith("RSA"))) {
        return ALIAS;
      }
    }
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers,
      SSLEngine engine) {
    return aliasFor(keyTypes);
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return aliasFor(keyTypes);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? credential.chain().toArray(new X509Certificate[0]) : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? credential.privateKey() : null;
  }
}
