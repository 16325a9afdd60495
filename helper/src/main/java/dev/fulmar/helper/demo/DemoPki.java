package dev.fulmar.helper.demo;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * The demo gateway's certificates: a CA made for this machine alone, and the gateway's RSA
 * certificate signed by it, naming the gateway's address and a DNS name (the client checks one
 * of them), with the extended key usages serverAuth and ikeIntermediate that IKE gateways carry.
 * The CA's private key is not kept: nothing else is ever signed with it.
 */
final class DemoPki {
  static final String CA_NAME = "CN=Fulmar demo CA (this computer only)";
  static final String GATEWAY_SUBJECT = "CN=" + DemoNetwork.GATEWAY_NAME;
  /** The IP security IKE intermediate purpose (strongSwan's {@code --flag ikeIntermediate}). */
  static final ASN1ObjectIdentifier IKE_INTERMEDIATE = new ASN1ObjectIdentifier("1.3.6.1.5.5.8.2.2");
  private static final AlgorithmIdentifier SHA256_WITH_RSA = new AlgorithmIdentifier(
      new ASN1ObjectIdentifier("1.2.840.113549.1.1.11"), DERNull.INSTANCE);
  private static final Duration VALIDITY = Duration.ofDays(3650);

  /** The issued material: PEM texts. The CA certificate goes into the profile. */
  record Material(String caCertPem, String gatewayCertPem, String gatewayKeyPem) {}

  private DemoPki() {}

  /** A new CA and gateway certificate, valid from an hour before {@code now} for ten years. */
  static Material issue(SecureRandom random, Instant now) throws GeneralSecurityException {
    KeyPair ca = rsa(random);
    KeyPair gw = rsa(random);
    Instant from = now.minus(Duration.ofHours(1));
    X500Name caName = new X500Name(CA_NAME);
    byte[] caCert = sign(tbs(random, caName, caName, ca.getPublic(), ca.getPublic(), from,
        caExtensions(ca.getPublic())), ca.getPrivate());
    byte[] gwCert = sign(tbs(random, caName, new X500Name(GATEWAY_SUBJECT), gw.getPublic(),
        ca.getPublic(), from, gatewayExtensions(gw.getPublic(), ca.getPublic())),
        ca.getPrivate());
    return new Material(pem("CERTIFICATE", caCert), pem("CERTIFICATE", gwCert),
        pem("PRIVATE KEY", gw.getPrivate().getEncoded()));
  }

  private static KeyPair rsa(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, random);
    return g.generateKeyPair();
  }

  private static TBSCertificate tbs(SecureRandom random, X500Name issuer, X500Name subject,
      PublicKey key, PublicKey issuerKey, Instant from, ExtensionsGenerator ext) {
    V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
    g.setSerialNumber(new ASN1Integer(new BigInteger(64, random).add(BigInteger.ONE)));
    g.setIssuer(issuer);
    g.setSubject(subject);
    g.setStartDate(new Time(Date.from(from)));
    g.setEndDate(new Time(Date.from(from.plus(VALIDITY))));
    g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    g.setSignature(SHA256_WITH_RSA);
    g.setExtensions(ext.generate());
    return g.generateTBSCertificate();
  }

  private static ExtensionsGenerator caExtensions(PublicKey key) throws GeneralSecurityException {
    ExtensionsGenerator e = new ExtensionsGenerator();
    try {
      e.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      e.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      e.addExtension(Extension.subjectKeyIdentifier, false, keyId(key));
    } catch (IOException ex) {
      throw new GeneralSecurityException("cannot encode the CA's extensions", ex);
    }
    return e;
  }

  private static ExtensionsGenerator gatewayExtensions(PublicKey key, PublicKey caKey)
      throws GeneralSecurityException {
    ExtensionsGenerator e = new ExtensionsGenerator();
    try {
      e.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      e.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      e.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
          new GeneralName[] {new GeneralName(GeneralName.iPAddress, DemoNetwork.GATEWAY_IP),
              new GeneralName(GeneralName.dNSName, DemoNetwork.GATEWAY_NAME)}));
      e.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
          KeyPurposeId.id_kp_serverAuth, KeyPurposeId.getInstance(IKE_INTERMEDIATE)}));
      e.addExtension(Extension.subjectKeyIdentifier, false, keyId(key));
      e.addExtension(Extension.authorityKeyIdentifier, false,
          new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(keyId(caKey).getKeyIdentifier()));
    } catch (IOException ex) {
      throw new GeneralSecurityException("cannot encode the gateway's extensions", ex);
    }
    return e;
  }

  /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a MAC). */
  private static SubjectKeyIdentifier keyId(PublicKey key) throws GeneralSecurityException {
    byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData()
        .getBytes();
    return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(bits));
  }

  private static byte[] sign(TBSCertificate tbs, PrivateKey key) throws GeneralSecurityException {
    try {
      byte[] data = tbs.getEncoded("DER");
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(data);
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(tbs);
      v.add(SHA256_WITH_RSA);
      v.add(new DERBitString(s.sign()));
      return new DERSequence(v).getEncoded("DER");
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode a certificate", e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
