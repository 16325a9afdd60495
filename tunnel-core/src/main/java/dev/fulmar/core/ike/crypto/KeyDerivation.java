package dev.fulmar.core.ike.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * Key derivation of IKEv2: the IKE SA keys (RFC 7296 §2.14), their update after each additional key
 * exchange (RFC 9370 §2.2.2), IKE SA rekeying (RFC 7296 §2.18, RFC 9370 §2.2.4) and CHILD SA KEYMAT
 * (RFC 7296 §2.17, RFC 9370 §2.2.4).
 *
 * <p>Shared secrets are the raw outputs of {@link KeyExchange} ("SK(n)" in RFC 9370, "g^ir" in RFC
 * 7296); nonces are the Nonce payload data. Inputs are not modified or retained; intermediate
 * secrets (SKEYSEED, KEYMAT) are wiped. The caller wipes the shared secrets when done.
 */
public final class KeyDerivation {

  private KeyDerivation() {}

  /**
   * The keys of a new IKE SA after IKE_SA_INIT:
   *
   * <pre>
   *   SKEYSEED = prf(Ni | Nr, g^ir)
   *   {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
   *            = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)
   * </pre>
   */
  public static IkeSaKeys ikeSaKeys(
      IkeSuite suite, byte[] sharedSecret, byte[] ni, byte[] nr, long spiI, long spiR) {
    Prf prf = suite.prf();
    byte[] nonces = Bytes.concat(ni, nr);
    byte[] skeyseed = prf.apply(nonces, sharedSecret);
    return expand(suite, skeyseed, nonces, spiI, spiR);
  }

  /**
   * The keys after one more key exchange of IKE_INTERMEDIATE (RFC 9370 §2.2.2), with the nonces and
   * SPIs of IKE_SA_INIT:
   *
   * <pre>
   *   SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr)
   *   {SK_d(n) | SK_ai(n) | ... | SK_pr(n)} = prf+(SKEYSEED(n), Ni | Nr | SPIi | SPIr)
   * </pre>
   *
   * The previous keys stay valid; the caller destroys them once the new ones are in use.
   */
  public static IkeSaKeys afterAdditionalKeyExchange(
      IkeSaKeys previous, byte[] sharedSecret, byte[] ni, byte[] nr, long spiI, long spiR) {
    byte[] skeyseed = previous.prfSkD(Bytes.concat(sharedSecret, ni, nr));
    return expand(previous.suite(), skeyseed, Bytes.concat(ni, nr), spiI, spiR);
  }

  /**
   * The keys of the IKE SA that replaces {@code old} in a CREATE_CHILD_SA rekey, with the new
   * nonces and SPIs (the SPIs of the new SA's proposals):
   *
   * <pre>
   *   SKEYSEED = prf(SK_d (old), SK(0) | Ni | Nr | SK(1) | ... | SK(n))   old SA's PRF
   *   {SK_d | ... | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)          new SA's PRF
   * </pre>
   *
   * SK(0) is the secret of the CREATE_CHILD_SA KE, SK(1..n) those of the IKE_FOLLOWUP_KE exchanges
   * (RFC 9370 §2.2.4). Without additional key exchanges this is RFC 7296 §2.18.
   *
   * @param sharedSecrets at least one: RFC 7296 §2.18 requires a new key exchange
   */
  public static IkeSaKeys rekeyedIkeSaKeys(
      IkeSaKeys old,
      IkeSuite newSuite,
      List<byte[]> sharedSecrets,
      byte[] ni,
      byte[] nr,
      long spiI,
      long spiR) {
    if (sharedSecrets.isEmpty()) {
      throw new IllegalArgumentException(
          "an IKE SA rekey needs a new key exchange (RFC 7296 §2.18)");
    }
    byte[] seed = secretsAndNonces(sharedSecrets, ni, nr);
    byte[] skeyseed;
    try {
      skeyseed = old.prfSkD(seed);
    } finally {
      Bytes.wipe(seed);
    }
    return expand(newSuite, skeyseed, Bytes.concat(ni, nr), spiI, spiR);
  }

  /**
   * The ESP keys of a CHILD SA created with {@code ike}'s SK_d:
   *
   * <pre>
   *   KEYMAT = prf+(SK_d, Ni | Nr)                                      no PFS
   *   KEYMAT = prf+(SK_d, SK(0) | Ni | Nr | SK(1) | ... | SK(n))        PFS, RFC 9370 §2.2.4
   * </pre>
   *
   * For the first CHILD SA (IKE_AUTH) the nonces are those of IKE_SA_INIT and there is no key
   * exchange; for CREATE_CHILD_SA they are the fresh ones of that exchange.
   *
   * @param sharedSecrets empty without PFS; else one per method of {@code child}, in order
   */
  public static ChildSaKeys childSaKeys(
      IkeSaKeys ike, ChildSuite child, List<byte[]> sharedSecrets, byte[] ni, byte[] nr) {
    if (sharedSecrets.size() != child.keyExchangeMethods().size()) {
      throw new IllegalArgumentException(
          "CHILD SA "
              + child
              + " needs "
              + child.keyExchangeMethods().size()
              + " shared secrets, got "
              + sharedSecrets.size());
    }
    byte[] seed = secretsAndNonces(sharedSecrets, ni, nr);
    byte[] skD = ike.skD();
    try {
      return new ChildSaKeys(child, ike.suite().prf().expand(skD, seed, child.keymatLength()));
    } finally {
      Bytes.wipe(seed, skD);
    }
  }

  /** {@code SK(0) | Ni | Nr | SK(1) | ... | SK(n)}, or {@code Ni | Nr} without secrets. */
  private static byte[] secretsAndNonces(List<byte[]> secrets, byte[] ni, byte[] nr) {
    List<byte[]> parts = new ArrayList<>();
    if (!secrets.isEmpty()) {
      parts.add(secrets.get(0));
    }
    parts.add(ni);
    parts.add(nr);
    parts.addAll(secrets.subList(Math.min(1, secrets.size()), secrets.size()));
    return Bytes.concat(parts.toArray(new byte[0][]));
  }

  /** prf+(SKEYSEED, Ni | Nr | SPIi | SPIr) split into the seven keys; wipes SKEYSEED. */
  private static IkeSaKeys expand(
      IkeSuite suite, byte[] skeyseed, byte[] nonces, long spiI, long spiR) {
    byte[] seed = Bytes.concat(nonces, Bytes.spi(spiI), Bytes.spi(spiR));
    try {
      return new IkeSaKeys(suite, suite.prf().expand(skeyseed, seed, suite.keyMaterialLength()));
    } finally {
      Bytes.wipe(skeyseed);
    }
  }
}
