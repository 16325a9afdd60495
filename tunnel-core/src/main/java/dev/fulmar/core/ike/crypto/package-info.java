/**
 * IKEv2 cryptography: algorithm policy, PRFs, SK payload protection, key exchanges and key
 * derivation, on the JCE (Bouncy Castle only for ML-KEM, which the JDK lacks).
 *
 * <p>How the engine uses it:
 *
 * <ol>
 *   <li>{@link dev.fulmar.core.ike.crypto.AlgorithmPolicy} lists the transform IDs it may propose
 *       and accepts or refuses what a gateway selects (weak algorithms are refused, with a message
 *       that names them; there is no override).
 *   <li>{@link dev.fulmar.core.ike.crypto.IkeSuite#of} and {@link
 *       dev.fulmar.core.ike.crypto.ChildSuite#of} hold the negotiated algorithms.
 *   <li>{@link dev.fulmar.core.ike.crypto.KeyExchanges#initiate} / {@link
 *       dev.fulmar.core.ike.crypto.KeyExchanges#respond} run each key exchange (MODP, ECP,
 *       Curve25519, ML-KEM); invalid peer data is an {@link
 *       dev.fulmar.core.ike.crypto.InvalidKeyExchangeException} (INVALID_SYNTAX).
 *   <li>{@link dev.fulmar.core.ike.crypto.KeyDerivation} turns shared secrets and nonces into
 *       {@link dev.fulmar.core.ike.crypto.IkeSaKeys} (after IKE_SA_INIT, after each
 *       IKE_INTERMEDIATE key exchange, on IKE SA rekey) and {@link
 *       dev.fulmar.core.ike.crypto.ChildSaKeys} (ESP keys in RFC 7296 §2.17 order).
 *   <li>{@link dev.fulmar.core.ike.crypto.IkeSuite#ciphers} gives the {@link
 *       dev.fulmar.core.ike.crypto.SkCipher} pair the message codec uses for SK/SKF payloads;
 *       {@link dev.fulmar.core.ike.crypto.IkeSuite#prf} the {@link dev.fulmar.core.ike.crypto.Prf}
 *       for AUTH and IntAuth.
 * </ol>
 *
 * <p>Secrets: key holders zero themselves on {@code destroy()} and their getters return copies;
 * shared secrets returned to the caller are the caller's to wipe. No class here logs, and no {@code
 * toString()} shows key bytes. Randomness (key pairs, CBC IVs) always comes from the caller's
 * {@link java.security.SecureRandom}.
 */
package dev.fulmar.core.ike.crypto;
