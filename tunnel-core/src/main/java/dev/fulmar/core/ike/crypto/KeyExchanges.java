package dev.fulmar.core.ike.crypto;

import java.security.SecureRandom;

/**
 * Creates key exchanges by method ID (Transform Type 4, and the additional key exchange types of
 * RFC 9370): MODP 14/15/16, ECP 19/20/21, Curve25519 (31) and ML-KEM 35/36/37. Every method is
 * checked against {@link AlgorithmPolicy} first; randomness comes from the caller.
 */
public final class KeyExchanges {

  private KeyExchanges() {}

  /**
   * Starts a key exchange as the side that sends first (the initiator of IKE_SA_INIT,
   * IKE_INTERMEDIATE, CREATE_CHILD_SA or IKE_FOLLOWUP_KE): generates our key pair.
   *
   * @throws RefusedAlgorithmException for a refused or unknown method
   */
  public static KeyExchange initiate(int method, SecureRandom random)
      throws RefusedAlgorithmException {
    AlgorithmPolicy.checkKeyExchange(method);
    ModpGroup group = ModpGroup.of(method);
    if (group != null) {
      return ModpKeyExchange.generate(group, random);
    }
    EcpKeyExchange.Curve curve = EcpKeyExchange.Curve.of(method);
    if (curve != null) {
      return EcpKeyExchange.generate(curve, random);
    }
    MlKemKeyExchange.ParameterSet set = MlKemKeyExchange.ParameterSet.of(method);
    if (set != null) {
      return MlKemKeyExchange.generate(set, random);
    }
    if (method == Algorithms.CURVE_25519) {
      return X25519KeyExchange.generate(random);
    }
    throw new IllegalStateException(
        "policy accepts "
            + Algorithms.name(TransformKind.KEY_EXCHANGE, method)
            + " but no implementation exists");
  }

  /**
   * Answers a key exchange as the responding side (for instance a CREATE_CHILD_SA rekey started by
   * the gateway, or the in-memory responder of tests): for Diffie-Hellman methods generates our key
   * pair and computes the secret; for ML-KEM checks the encapsulation key and encapsulates.
   *
   * @throws RefusedAlgorithmException for a refused or unknown method
   * @throws InvalidKeyExchangeException if the initiator's data is invalid for the method
   */
  public static KeyExchangeResponse respond(int method, byte[] initiatorValue, SecureRandom random)
      throws RefusedAlgorithmException, InvalidKeyExchangeException {
    AlgorithmPolicy.checkKeyExchange(method);
    MlKemKeyExchange.ParameterSet set = MlKemKeyExchange.ParameterSet.of(method);
    if (set != null) {
      return MlKemKeyExchange.respond(set, initiatorValue, random);
    }
    return DhKeyExchange.respond((DhKeyExchange) initiate(method, random), initiatorValue);
  }

  /**
   * The exact length of the initiator's Key Exchange Data for a supported method: the public value
   * for Diffie-Hellman methods, the encapsulation key for ML-KEM.
   *
   * @throws RefusedAlgorithmException for a refused or unknown method
   */
  public static int initiatorValueLength(int method) throws RefusedAlgorithmException {
    return valueLengths(method)[0];
  }

  /**
   * The exact length of the responder's Key Exchange Data for a supported method: the public value
   * for Diffie-Hellman methods, the ciphertext for ML-KEM.
   *
   * @throws RefusedAlgorithmException for a refused or unknown method
   */
  public static int responderValueLength(int method) throws RefusedAlgorithmException {
    return valueLengths(method)[1];
  }

  private static int[] valueLengths(int method) throws RefusedAlgorithmException {
    AlgorithmPolicy.checkKeyExchange(method);
    ModpGroup group = ModpGroup.of(method);
    if (group != null) {
      return new int[] {group.length, group.length};
    }
    EcpKeyExchange.Curve curve = EcpKeyExchange.Curve.of(method);
    if (curve != null) {
      return new int[] {2 * curve.fieldLength, 2 * curve.fieldLength};
    }
    MlKemKeyExchange.ParameterSet set = MlKemKeyExchange.ParameterSet.of(method);
    if (set != null) {
      return new int[] {set.encapsulationKeyLength, set.ciphertextLength};
    }
    return new int[] {X25519KeyExchange.LENGTH, X25519KeyExchange.LENGTH};
  }
}
