package dev.fulmar.core.ike.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * ECP key exchange over the NIST curves P-256, P-384 and P-521 (methods 19, 20, 21; RFC 5903) with
 * the JDK's ECDH. The Key Exchange Data is {@code x | y}, each coordinate big-endian and
 * zero-padded to the field length (RFC 5903 §7); the shared secret is the x-coordinate of the
 * shared point, also field length (RFC 5903 §7, as corrected by its erratum). The JCA checks that
 * the peer's point lies on the curve before it is used.
 */
final class EcpKeyExchange extends DhKeyExchange {

  /** The three curves, with their JCA names and field lengths in bytes. */
  enum Curve {
    P256(Algorithms.ECP_256, "secp256r1", 32),
    P384(Algorithms.ECP_384, "secp384r1", 48),
    P521(Algorithms.ECP_521, "secp521r1", 66);

    final int method;
    final String jcaName;
    final int fieldLength;
    private final ECParameterSpec parameters;

    Curve(int method, String jcaName, int fieldLength) {
      this.method = method;
      this.jcaName = jcaName;
      this.fieldLength = fieldLength;
      try {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(jcaName));
        this.parameters = params.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks " + jcaName, e);
      }
    }

    static Curve of(int method) {
      for (Curve curve : values()) {
        if (curve.method == method) {
          return curve;
        }
      }
      return null;
    }
  }

  private final Curve curve;

  private EcpKeyExchange(Curve curve, KeyPair keyPair) {
    super(curve.method, "ECDH", keyPair, encode(curve, ((ECPublicKey) keyPair.getPublic()).getW()));
    this.curve = curve;
  }

  static EcpKeyExchange generate(Curve curve, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(curve.parameters, random);
      return new EcpKeyExchange(curve, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + curve.jcaName, e);
    }
  }

  /** From a fixed private scalar and its public value {@code x | y} (known-answer tests). */
  static EcpKeyExchange fromKeys(Curve curve, byte[] privateScalar, byte[] publicValue)
      throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("EC");
    KeyPair pair =
        new KeyPair(
            factory.generatePublic(
                new ECPublicKeySpec(decode(curve, publicValue), curve.parameters)),
            factory.generatePrivate(
                new ECPrivateKeySpec(new BigInteger(1, privateScalar), curve.parameters)));
    return new EcpKeyExchange(curve, pair);
  }

  @Override
  PublicKey peerKey(byte[] peerValue) throws InvalidKeyExchangeException {
    if (peerValue.length != 2 * curve.fieldLength) {
      throw new InvalidKeyExchangeException(
          method(),
          "expected x | y of " + 2 * curve.fieldLength + " bytes, got " + peerValue.length);
    }
    try {
      return KeyFactory.getInstance("EC")
          .generatePublic(new ECPublicKeySpec(decode(curve, peerValue), curve.parameters));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyExchangeException(method(), "not a point of " + curve.jcaName, e);
    }
  }

  @Override
  byte[] finishSecret(byte[] secret) {
    return leftPadded(secret, curve.fieldLength);
  }

  private static ECPoint decode(Curve curve, byte[] value) {
    int n = curve.fieldLength;
    return new ECPoint(
        new BigInteger(1, Arrays.copyOfRange(value, 0, n)),
        new BigInteger(1, Arrays.copyOfRange(value, n, 2 * n)));
  }

  private static byte[] encode(Curve curve, ECPoint point) {
    return Bytes.concat(
        Bytes.unsignedFixed(point.getAffineX(), curve.fieldLength),
        Bytes.unsignedFixed(point.getAffineY(), curve.fieldLength));
  }
}
