package dev.fulmar.core.ike.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-512/768/1024 (methods 35, 36, 37; FIPS 203, draft-ietf-ipsecme-ikev2-mlkem) on Bouncy
 * Castle's lightweight API, the only part of this package outside the JDK. The initiator sends its
 * encapsulation key, the responder answers with the ciphertext and both get a 32-byte secret. It
 * works as the IKE_SA_INIT key exchange and as an RFC 9370 additional one alike.
 *
 * <p>Received values get the FIPS 203 §7 input checks: the encapsulation key must have the exact
 * length and pass the modulus check (every 12-bit coefficient below q = 3329); the ciphertext must
 * have the exact length. Decapsulation itself never fails (implicit rejection).
 */
final class MlKemKeyExchange implements KeyExchange {

  private static final int Q = 3329;
  static final int SHARED_SECRET_LENGTH = 32;

  /** The three parameter sets with their encoding lengths (FIPS 203 §8, Table 3). */
  enum ParameterSet {
    ML_KEM_512(Algorithms.ML_KEM_512, MLKEMParameters.ml_kem_512, 2, 800, 768),
    ML_KEM_768(Algorithms.ML_KEM_768, MLKEMParameters.ml_kem_768, 3, 1184, 1088),
    ML_KEM_1024(Algorithms.ML_KEM_1024, MLKEMParameters.ml_kem_1024, 4, 1568, 1568);

    final int method;
    final MLKEMParameters parameters;
    final int k;
    final int encapsulationKeyLength;
    final int ciphertextLength;

    ParameterSet(
        int method,
        MLKEMParameters parameters,
        int k,
        int encapsulationKeyLength,
        int ciphertextLength) {
      this.method = method;
      this.parameters = parameters;
      this.k = k;
      this.encapsulationKeyLength = encapsulationKeyLength;
      this.ciphertextLength = ciphertextLength;
    }

    static ParameterSet of(int method) {
      for (ParameterSet set : values()) {
        if (set.method == method) {
          return set;
        }
      }
      return null;
    }
  }

  private final ParameterSet set;
  private final byte[] encapsulationKey;
  private MLKEMPrivateKeyParameters decapsulationKey;

  private MlKemKeyExchange(
      ParameterSet set, MLKEMPrivateKeyParameters decapsulationKey, byte[] encapsulationKey) {
    this.set = set;
    this.decapsulationKey = decapsulationKey;
    this.encapsulationKey = encapsulationKey;
  }

  static MlKemKeyExchange generate(ParameterSet set, SecureRandom random) {
    MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
    generator.init(new MLKEMKeyGenerationParameters(random, set.parameters));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    return new MlKemKeyExchange(
        set,
        (MLKEMPrivateKeyParameters) pair.getPrivate(),
        ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded());
  }

  /** ML-KEM.KeyGen_internal from the 64-byte seed d | z (known-answer tests). */
  static MlKemKeyExchange fromSeed(ParameterSet set, byte[] seed) {
    MLKEMPrivateKeyParameters key = new MLKEMPrivateKeyParameters(set.parameters, seed);
    return new MlKemKeyExchange(set, key, key.getPublicKeyParameters().getEncoded());
  }

  @Override
  public int method() {
    return set.method;
  }

  @Override
  public byte[] publicValue() {
    return encapsulationKey.clone();
  }

  @Override
  public synchronized byte[] computeSharedSecret(byte[] ciphertext)
      throws InvalidKeyExchangeException {
    if (decapsulationKey == null) {
      throw new IllegalStateException(set + " key exchange already used");
    }
    try {
      if (ciphertext.length != set.ciphertextLength) {
        throw new InvalidKeyExchangeException(
            set.method,
            "expected a " + set.ciphertextLength + "-byte ciphertext, got " + ciphertext.length);
      }
      return new MLKEMExtractor(decapsulationKey).extractSecret(ciphertext);
    } finally {
      destroy();
    }
  }

  @Override
  public synchronized void destroy() {
    if (decapsulationKey != null) {
      decapsulationKey.destroy();
      decapsulationKey = null;
    }
  }

  @Override
  public synchronized boolean isDestroyed() {
    return decapsulationKey == null;
  }

  /** The responder: checks the encapsulation key and encapsulates a fresh secret to it. */
  static KeyExchangeResponse respond(ParameterSet set, byte[] encapsulationKey, SecureRandom random)
      throws InvalidKeyExchangeException {
    MLKEMPublicKeyParameters key = checkedKey(set, encapsulationKey);
    return response(set, new MLKEMGenerator(random).generateEncapsulated(key));
  }

  /** The responder with a fixed message m (ML-KEM.Encaps_internal, known-answer tests). */
  static KeyExchangeResponse respond(ParameterSet set, byte[] encapsulationKey, byte[] message)
      throws InvalidKeyExchangeException {
    MLKEMPublicKeyParameters key = checkedKey(set, encapsulationKey);
    return response(set, MLKEMGenerator.internalGenerateEncapsulated(key, message.clone()));
  }

  private static KeyExchangeResponse response(ParameterSet set, SecretWithEncapsulation result) {
    KeyExchangeResponse response =
        new KeyExchangeResponse(set.method, result.getEncapsulation(), result.getSecret());
    try {
      result.destroy();
    } catch (javax.security.auth.DestroyFailedException e) {
      // Bouncy Castle's implementation always destroys; nothing else holds the secret.
    }
    return response;
  }

  private static MLKEMPublicKeyParameters checkedKey(ParameterSet set, byte[] encapsulationKey)
      throws InvalidKeyExchangeException {
    if (encapsulationKey.length != set.encapsulationKeyLength) {
      throw new InvalidKeyExchangeException(
          set.method,
          "expected a "
              + set.encapsulationKeyLength
              + "-byte encapsulation key, got "
              + encapsulationKey.length);
    }
    int bad = firstUnreducedCoefficient(encapsulationKey, set.k);
    if (bad >= 0) {
      throw new InvalidKeyExchangeException(
          set.method,
          "encapsulation key fails the FIPS 203 modulus check (coefficient "
              + bad
              + " is not below "
              + Q
              + ")");
    }
    return new MLKEMPublicKeyParameters(set.parameters, encapsulationKey.clone());
  }

  /**
   * FIPS 203 §7.2 modulus check: the first 384k bytes hold 256k coefficients of 12 bits each, two
   * per three bytes, little-endian; all must be reduced modulo q. Returns the index of the first
   * that is not, or -1.
   */
  static int firstUnreducedCoefficient(byte[] encapsulationKey, int k) {
    for (int i = 0; i < 384 * k; i += 3) {
      int b0 = encapsulationKey[i] & 0xff;
      int b1 = encapsulationKey[i + 1] & 0xff;
      int b2 = encapsulationKey[i + 2] & 0xff;
      if ((b0 | (b1 & 0x0f) << 8) >= Q) {
        return i / 3 * 2;
      }
      if ((b1 >> 4 | b2 << 4) >= Q) {
        return i / 3 * 2 + 1;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "MlKemKeyExchange[" + Algorithms.name(TransformKind.KEY_EXCHANGE, set.method) + "]";
  }
}
