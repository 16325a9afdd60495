package dev.fulmar.interop.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A private key with its certificate and the CA certificate that issued it, as made by {@link
 * Pki}. {@code identity} is the name the holder authenticates as (the certificate's first DNS name,
 * e-mail address or, failing those, its subject).
 *
 * @param name short name used for file names (e.g. {@code gateway-rsa2048})
 */
public record Credential(
    String name, String identity, PrivateKey privateKey, X509Certificate certificate,
    X509Certificate issuer) {

  /** The certificate in PEM. */
  public String certificatePem() {
    return pem("CERTIFICATE", der(certificate));
  }

  /** The issuing CA's certificate in PEM. */
  public String issuerPem() {
    return pem("CERTIFICATE", der(issuer));
  }

  /** The private key as unencrypted PKCS#8 PEM ("PRIVATE KEY"). */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", privateKey.getEncoded());
  }

  /** "RSA" or "EC". */
  public String keyAlgorithm() {
    return privateKey.getAlgorithm();
  }

  /** The key, certificate and CA certificate as a password-protected PKCS#12 file. */
  public byte[] pkcs12(char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(name, privateKey, password, new Certificate[] {certificate, issuer});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new LabException("cannot export " + name + " as PKCS#12", e);
    }
  }

  /** Writes {@link #pkcs12} to {@code file} and returns the file. */
  public Path writePkcs12(Path file, char[] password) {
    try {
      Files.write(file, pkcs12(password));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new LabException("cannot encode certificate " + cert.getSubjectX500Principal(), e);
    }
  }

  static String pem(String label, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }

  @Override
  public String toString() {
    return "Credential[" + name + ", " + identity + ", " + keyAlgorithm() + "]";
  }
}
