package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.auth.CredentialException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The client's private key and certificate chain (its own certificate first), typically loaded
 * from a PKCS#12 file, with the signature algorithm picked from the key type.
 */
public final class ClientCredential {

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;

  private ClientCredential(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
  }

  /**
   * A credential from a key and its chain.
   *
   * @throws CredentialException {@code UNSUPPORTED_KEY} if the key is not RSA or EC
   */
  public static ClientCredential of(PrivateKey key, List<X509Certificate> chain)
      throws CredentialException {
    if (!(key instanceof RSAKey) && !(key instanceof ECKey)) {
      throw new CredentialException(Reason.UNSUPPORTED_KEY, "the private key is "
          + key.getAlgorithm() + "; only RSA and ECDSA keys can sign IKEv2 authentication", null);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a credential needs its certificate");
    }
    return new ClientCredential(key, chain);
  }

  /** Loads a PKCS#12 file; see {@link #loadPkcs12(byte[], char[])}. */
  public static ClientCredential loadPkcs12(Path file, char[] password)
      throws CredentialException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      throw new CredentialException(Reason.FILE_UNREADABLE,
          "cannot read the certificate file " + file + ": " + e.getMessage(), e);
    }
    try {
      return loadPkcs12(content, password);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Loads the first private key entry of a PKCS#12 file with its chain. The password protects
   * both the file and the key, as in files exported by common tools.
   *
   * @throws CredentialException {@code WRONG_PASSWORD}, {@code CORRUPT_OR_UNSUPPORTED}, {@code
   *     NO_PRIVATE_KEY} or {@code UNSUPPORTED_KEY}, each with a message that says so
   */
  public static ClientCredential loadPkcs12(byte[] content, char[] password)
      throws CredentialException {
    KeyStore ks;
    try {
      ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(content), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw wrongPassword(e);
      }
      throw corrupt(e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw corrupt(e);
    }
    try {
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          return fromEntry(ks, alias, password);
        }
      }
    } catch (UnrecoverableKeyException e) {
      throw wrongPassword(e);
    } catch (GeneralSecurityException e) {
      throw corrupt(e);
    }
    throw new CredentialException(Reason.NO_PRIVATE_KEY, "the PKCS#12 file holds no private"
        + " key (only certificates): export the certificate together with its private key", null);
  }

  private static ClientCredential fromEntry(KeyStore ks, String alias, char[] password)
      throws GeneralSecurityException, CredentialException {
    java.security.Key key = ks.getKey(alias, password);
    if (!(key instanceof PrivateKey)) {
      throw new CredentialException(Reason.NO_PRIVATE_KEY,
          "the PKCS#12 entry '" + alias + "' is not a private key", null);
    }
    Certificate[] certs = ks.getCertificateChain(alias);
    if (certs == null || certs.length == 0) {
      throw new CredentialException(Reason.CORRUPT_OR_UNSUPPORTED,
          "the private key in the PKCS#12 file has no certificate", null);
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : certs) {
      chain.add((X509Certificate) c);
    }
    return of((PrivateKey) key, chain);
  }

  private static CredentialException wrongPassword(Exception e) {
    return new CredentialException(Reason.WRONG_PASSWORD,
        "the password of the certificate file (PKCS#12) is wrong", e);
  }

  private static CredentialException corrupt(Exception e) {
    String detail = e instanceof NoSuchAlgorithmException
        || e.getCause() instanceof NoSuchAlgorithmException
        ? "it uses an encryption this system does not support" : "it is damaged or not PKCS#12";
    return new CredentialException(Reason.CORRUPT_OR_UNSUPPORTED,
        "the certificate file cannot be read as PKCS#12: " + detail + " (" + e.getMessage()
            + ")", e);
  }

  /** The private key. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The client's own certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The chain, own certificate first (intermediates after it, as they go into CERT payloads). */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The EC key's field size in bits, or 0 for an RSA key. */
  int ecCurveBits() {
    return privateKey instanceof ECKey
        ? ((ECKey) privateKey).getParams().getCurve().getField().getFieldSize() : 0;
  }

  /**
   * The RFC 7427 algorithm for this key and the hashes the gateway announced.
   *
   * @param rsaPss sign with RSASSA-PSS instead of PKCS#1 v1.5 (RSA keys only)
   * @throws CredentialException {@code NO_COMMON_ALGORITHM} if the gateway announced no hash
   *     we sign with (for example only SHA-1)
   */
  public SignatureAlgorithm signatureAlgorithm(List<SignatureHash> gatewayHashes, boolean rsaPss)
      throws CredentialException {
    try {
      SignatureHash h = SignatureHashAlgorithms.select(gatewayHashes, ecCurveBits());
      return SignatureAlgorithm.forKey(privateKey, h, rsaPss);
    } catch (IllegalArgumentException e) {
      throw new CredentialException(Reason.NO_COMMON_ALGORITHM, e.getMessage(), e);
    }
  }

  /** Names of the entries, for diagnostics (never the key). */
  @Override
  public String toString() {
    return "ClientCredential[" + GatewayCertificateValidator.subject(certificate()) + ", "
        + SignatureAlgorithm.keyType(privateKey) + "]";
  }
}
