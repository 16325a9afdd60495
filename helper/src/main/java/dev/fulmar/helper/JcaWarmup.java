package dev.fulmar.helper;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loads and exercises the JCA code a handshake uses (EC and X25519 key agreement, HMAC, AES-GCM,
 * certificate path validation, signatures) on a background thread while the helper starts and
 * reads the profile. A cold JVM otherwise spends most of a first handshake's time here rather
 * than on the network. Uses no key material of any session.
 */
final class JcaWarmup {
  private JcaWarmup() {}

  static void start() {
    Thread t = new Thread(JcaWarmup::run, "fulmard-jca-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run() {
    try {
      agree("EC", new ECGenParameterSpec("secp384r1"), "ECDH");
      agree("EC", new ECGenParameterSpec("secp256r1"), "ECDH");
      agree("X25519", null, "XDH");
      byte[] key = new byte[32];
      for (String alg : new String[] {"HmacSHA256", "HmacSHA384", "HmacSHA512"}) {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(key, alg));
        mac.doFinal(key);
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, new byte[12]));
      gcm.doFinal(key);
      MessageDigest.getInstance("SHA-1").digest(key);
      Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
      des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[8], "DES"));
      des.doFinal(new byte[8]);
      org.bouncycastle.crypto.digests.MD4Digest md4 = new org.bouncycastle.crypto.digests.MD4Digest();
      md4.update(key, 0, key.length);
      md4.doFinal(new byte[16], 0);
      CertificateFactory.getInstance("X.509");
      CertPathValidator.getInstance("PKIX");
      Signature.getInstance("SHA256withRSA");
      Signature.getInstance("RSASSA-PSS");
      Signature.getInstance("SHA256withECDSA");
    } catch (Exception | Error e) {
      // Only a warm-up: the handshake does the real work and reports real errors.
    }
  }

  private static void agree(String kind, ECGenParameterSpec spec, String agreement)
      throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(kind);
    if (spec != null) {
      g.initialize(spec);
    }
    KeyPair a = g.generateKeyPair();
    KeyPair b = g.generateKeyPair();
    KeyAgreement ka = KeyAgreement.getInstance(agreement);
    ka.init(a.getPrivate());
    ka.doPhase(b.getPublic(), true);
    ka.generateSecret();
  }
}
