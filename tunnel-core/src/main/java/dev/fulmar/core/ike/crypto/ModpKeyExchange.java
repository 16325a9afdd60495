package dev.fulmar.core.ike.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;

/**
 * Finite-field Diffie-Hellman over the RFC 3526 groups 14, 15 and 16 with the JDK's DH. Public
 * values and the shared secret are big-endian and zero-padded to the length of the prime (RFC 7296
 * §3.4 and §2.14); a received value must have exactly that length and satisfy {@code 1 < y < p-1}
 * (RFC 6989 §2.1), which excludes the elements of order 1 and 2.
 */
final class ModpKeyExchange extends DhKeyExchange {

  private final ModpGroup group;

  private ModpKeyExchange(ModpGroup group, KeyPair keyPair) {
    super(
        group.method,
        "DH",
        keyPair,
        Bytes.unsignedFixed(((DHPublicKey) keyPair.getPublic()).getY(), group.length));
    this.group = group;
  }

  static ModpKeyExchange generate(ModpGroup group, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
      generator.initialize(
          new DHParameterSpec(group.prime, ModpGroup.GENERATOR, group.exponentBits), random);
      return new ModpKeyExchange(group, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK refused the " + group + " parameters", e);
    }
  }

  @Override
  PublicKey peerKey(byte[] peerValue) throws InvalidKeyExchangeException {
    if (peerValue.length != group.length) {
      throw new InvalidKeyExchangeException(
          method(),
          "expected " + group.length + " bytes (the length of the prime), got " + peerValue.length);
    }
    BigInteger y = new BigInteger(1, peerValue);
    if (y.compareTo(BigInteger.ONE) <= 0
        || y.compareTo(group.prime.subtract(BigInteger.ONE)) >= 0) {
      throw new InvalidKeyExchangeException(method(), "public value is not in 1 < y < p-1");
    }
    try {
      return KeyFactory.getInstance("DH")
          .generatePublic(new DHPublicKeySpec(y, group.prime, ModpGroup.GENERATOR));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyExchangeException(method(), "not a " + group + " public value", e);
    }
  }

  @Override
  byte[] finishSecret(byte[] secret) {
    return leftPadded(secret, group.length);
  }
}
