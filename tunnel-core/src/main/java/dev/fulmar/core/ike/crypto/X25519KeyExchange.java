package dev.fulmar.core.ike.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * Curve25519 key exchange (method 31, RFC 8031) with the JDK's XDH: the Key Exchange Data is the
 * 32-byte little-endian u-coordinate (RFC 7748 §5); the most significant bit of a received value is
 * masked; an all-zero shared secret (a small-order peer point) is refused (RFC 8031 §2).
 */
final class X25519KeyExchange extends DhKeyExchange {

  static final int LENGTH = 32;

  private X25519KeyExchange(KeyPair keyPair, byte[] publicValue) {
    super(Algorithms.CURVE_25519, "XDH", keyPair, publicValue);
  }

  static X25519KeyExchange generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      generator.initialize(NamedParameterSpec.X25519, random);
      KeyPair pair = generator.generateKeyPair();
      return new X25519KeyExchange(pair, encode(((XECPublicKey) pair.getPublic()).getU()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks X25519", e);
    }
  }

  /** From a fixed 32-byte private scalar (known-answer tests); the public value is computed. */
  static X25519KeyExchange fromPrivateKey(byte[] scalar) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("XDH");
    PrivateKey privateKey =
        factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
    // The public value is X25519(k, 9) (RFC 7748 §6.1).
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(privateKey);
    agreement.doPhase(publicKey(BigInteger.valueOf(9)), true);
    byte[] publicValue = agreement.generateSecret();
    return new X25519KeyExchange(
        new KeyPair(publicKey(decodeU(publicValue)), privateKey), publicValue);
  }

  @Override
  PublicKey peerKey(byte[] peerValue) throws InvalidKeyExchangeException {
    if (peerValue.length != LENGTH) {
      throw new InvalidKeyExchangeException(
          method(), "expected " + LENGTH + " bytes, got " + peerValue.length);
    }
    try {
      return publicKey(decodeU(peerValue));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyExchangeException(method(), "not a Curve25519 u-coordinate", e);
    }
  }

  @Override
  byte[] finishSecret(byte[] secret) throws InvalidKeyExchangeException {
    int bits = 0;
    for (byte b : secret) {
      bits |= b;
    }
    if (bits == 0) {
      Bytes.wipe(secret);
      throw new InvalidKeyExchangeException(
          method(),
          "the shared secret is all zero: the peer sent a small-order point (RFC 8031 §2)");
    }
    return secret;
  }

  private static PublicKey publicKey(BigInteger u) throws GeneralSecurityException {
    return KeyFactory.getInstance("XDH")
        .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
  }

  /** RFC 7748 §5 decodeUCoordinate: little-endian, most significant bit masked. */
  static BigInteger decodeU(byte[] value) {
    byte[] bigEndian = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      bigEndian[i] = value[LENGTH - 1 - i];
    }
    bigEndian[0] &= 0x7f;
    return new BigInteger(1, bigEndian);
  }

  /** RFC 7748 §5 encodeUCoordinate (u already reduced below 2^255 - 19). */
  static byte[] encode(BigInteger u) {
    byte[] bigEndian = Bytes.unsignedFixed(u, LENGTH);
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = bigEndian[LENGTH - 1 - i];
    }
    return out;
  }
}
