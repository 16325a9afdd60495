package dev.fulmar.core.ike.crypto;

import static dev.fulmar.core.ike.crypto.Algorithms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole key schedule of a hybrid IKE SA as the engine drives it, with this package on both
 * sides: our initiator and an in-memory responder must end with the same keys at every step, and
 * each side's SK cipher must open what the other sealed.
 */
class HybridKeyScheduleTest {

  private static final byte[] PREFIX = SkCipherTest.sequence(32, 0x60);

  private final SecureRandom ours = new SeededSecureRandom("initiator");
  private final SecureRandom theirs = new SeededSecureRandom("responder");

  @Test
  void bothSidesDeriveTheSameKeysThroughIntermediateRekeyAndChildSas() throws Exception {
    IkeSuite suite =
        IkeSuite.of(
            ENCR_AES_GCM_16, 256, PRF_HMAC_SHA2_384, AUTH_NONE, CURVE_25519, List.of(ML_KEM_768));
    byte[] ni = nonce(ours);
    byte[] nr = nonce(theirs);
    long spiI = 0x1020304050607080L;
    long spiR = 0x0a0b0c0d0e0f0102L;

    // IKE_SA_INIT { SA, KEi(CURVE_25519), Ni } -->  <-- { SA, KEr, Nr }
    KeyExchange ke = KeyExchanges.initiate(suite.keyExchangeMethod(), ours);
    KeyExchangeResponse ker =
        KeyExchanges.respond(suite.keyExchangeMethod(), ke.publicValue(), theirs);
    IkeSaKeys i0 =
        KeyDerivation.ikeSaKeys(
            suite, ke.computeSharedSecret(ker.publicValue()), ni, nr, spiI, spiR);
    IkeSaKeys r0 = KeyDerivation.ikeSaKeys(suite, ker.sharedSecret(), ni, nr, spiI, spiR);
    assertSameKeys(i0, r0);
    assertCiphersInteroperate(suite, i0, r0);

    // IKE_INTERMEDIATE SK { KEi(1) ML_KEM_768 } -->  <-- SK { KEr(1) }
    KeyExchange ke1 = KeyExchanges.initiate(suite.additionalKeyExchanges().get(0), ours);
    KeyExchangeResponse ker1 = KeyExchanges.respond(ML_KEM_768, ke1.publicValue(), theirs);
    IkeSaKeys i1 =
        KeyDerivation.afterAdditionalKeyExchange(
            i0, ke1.computeSharedSecret(ker1.publicValue()), ni, nr, spiI, spiR);
    IkeSaKeys r1 =
        KeyDerivation.afterAdditionalKeyExchange(r0, ker1.sharedSecret(), ni, nr, spiI, spiR);
    assertSameKeys(i1, r1);
    assertThat(i1.skD()).isNotEqualTo(i0.skD());
    i0.destroy();
    r0.destroy();

    // IKE_AUTH ... first CHILD SA, no PFS, KEYMAT from the IKE_SA_INIT nonces
    ChildSuite esp = ChildSuite.of(ENCR_AES_GCM_16, 128, AUTH_NONE, List.of());
    ChildSaKeys ci = KeyDerivation.childSaKeys(i1, esp, List.of(), ni, nr);
    ChildSaKeys cr = KeyDerivation.childSaKeys(r1, esp, List.of(), ni, nr);
    assertThat(ci.outbound(Role.INITIATOR).cipherKey())
        .isEqualTo(cr.inbound(Role.RESPONDER).cipherKey());
    assertThat(ci.outbound(Role.INITIATOR).salt()).isEqualTo(cr.inbound(Role.RESPONDER).salt());

    // The gateway rekeys the CHILD SA with PFS: it is the initiator of this exchange.
    // <-- CREATE_CHILD_SA SK { SA, Ni, KEi(ECP_256), TSi, TSr }
    //     CREATE_CHILD_SA SK { SA, Nr, KEr, TSi, TSr } -->
    // <-- IKE_FOLLOWUP_KE SK { KEi(1) ML_KEM_1024, N(ADDITIONAL_KEY_EXCHANGE) }
    //     IKE_FOLLOWUP_KE SK { KEr(1) } -->
    ChildSuite pfs =
        ChildSuite.of(ENCR_CHACHA20_POLY1305, 0, AUTH_NONE, List.of(ECP_256, ML_KEM_1024));
    byte[] gwNonce = nonce(theirs);
    byte[] ourNonce = nonce(ours);
    KeyExchange gwKe0 = KeyExchanges.initiate(ECP_256, theirs);
    KeyExchangeResponse ourKe0 = KeyExchanges.respond(ECP_256, gwKe0.publicValue(), ours);
    KeyExchange gwKe1 = KeyExchanges.initiate(ML_KEM_1024, theirs);
    KeyExchangeResponse ourKe1 = KeyExchanges.respond(ML_KEM_1024, gwKe1.publicValue(), ours);
    ChildSaKeys gw =
        KeyDerivation.childSaKeys(
            r1,
            pfs,
            List.of(
                gwKe0.computeSharedSecret(ourKe0.publicValue()),
                gwKe1.computeSharedSecret(ourKe1.publicValue())),
            gwNonce,
            ourNonce);
    ChildSaKeys us =
        KeyDerivation.childSaKeys(
            i1, pfs, List.of(ourKe0.sharedSecret(), ourKe1.sharedSecret()), gwNonce, ourNonce);
    assertThat(us.outbound(Role.RESPONDER).cipherKey())
        .isEqualTo(gw.inbound(Role.INITIATOR).cipherKey());
    assertThat(us.inbound(Role.RESPONDER).cipherKey())
        .isEqualTo(gw.outbound(Role.INITIATOR).cipherKey());

    // We rekey the IKE SA: CREATE_CHILD_SA { SA, Ni, KEi(CURVE_25519) } + IKE_FOLLOWUP_KE ML-KEM
    IkeSuite next =
        IkeSuite.of(
            ENCR_AES_CBC,
            256,
            PRF_HMAC_SHA2_512,
            AUTH_HMAC_SHA2_512_256,
            CURVE_25519,
            List.of(ML_KEM_768));
    byte[] ni2 = nonce(ours);
    byte[] nr2 = nonce(theirs);
    KeyExchange rk0 = KeyExchanges.initiate(CURVE_25519, ours);
    KeyExchangeResponse rr0 = KeyExchanges.respond(CURVE_25519, rk0.publicValue(), theirs);
    KeyExchange rk1 = KeyExchanges.initiate(ML_KEM_768, ours);
    KeyExchangeResponse rr1 = KeyExchanges.respond(ML_KEM_768, rk1.publicValue(), theirs);
    IkeSaKeys i2 =
        KeyDerivation.rekeyedIkeSaKeys(
            i1,
            next,
            List.of(
                rk0.computeSharedSecret(rr0.publicValue()),
                rk1.computeSharedSecret(rr1.publicValue())),
            ni2,
            nr2,
            7,
            8);
    IkeSaKeys r2 =
        KeyDerivation.rekeyedIkeSaKeys(
            r1, next, List.of(rr0.sharedSecret(), rr1.sharedSecret()), ni2, nr2, 7, 8);
    assertSameKeys(i2, r2);
    assertCiphersInteroperate(next, i2, r2);
  }

  private void assertCiphersInteroperate(
      IkeSuite suite, IkeSaKeys initiatorKeys, IkeSaKeys responderKeys) throws Exception {
    SkCiphers initiator = suite.ciphers(initiatorKeys, Role.INITIATOR, ours);
    SkCiphers responder = suite.ciphers(responderKeys, Role.RESPONDER, theirs);
    byte[] payloads = SkCipherTest.sequence(77, 5);
    assertThat(responder.inbound().open(PREFIX, initiator.outbound().seal(PREFIX, payloads)))
        .isEqualTo(payloads);
    assertThat(initiator.inbound().open(PREFIX, responder.outbound().seal(PREFIX, payloads)))
        .isEqualTo(payloads);
  }

  private static void assertSameKeys(IkeSaKeys a, IkeSaKeys b) {
    assertThat(a.skD()).isEqualTo(b.skD());
    assertThat(a.skAi()).isEqualTo(b.skAi());
    assertThat(a.skAr()).isEqualTo(b.skAr());
    assertThat(a.skEi()).isEqualTo(b.skEi());
    assertThat(a.skEr()).isEqualTo(b.skEr());
    assertThat(a.skPi()).isEqualTo(b.skPi());
    assertThat(a.skPr()).isEqualTo(b.skPr());
  }

  private static byte[] nonce(SecureRandom random) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return nonce;
  }
}
