package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.message.IdPayload;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signed octets (RFC 7296 §2.15), IntAuth (RFC 9242 §3.3.2) and shared-key AUTH.
 *
 * <p>Expected values were computed independently with python3's hmac/hashlib:
 * {@code h = lambda k, d: hmac.new(k, d, hashlib.sha256).digest()}; signed octets =
 * {@code REAL_MESSAGE + NONCE + h(SK_P, ID_BODY)}; PSK AUTH = {@code h(h(PSK, b"Key Pad for
 * IKEv2"), signed octets)}; IntAuth_1 = {@code h(SK_PI, A1 + P1)}, IntAuth_2 = {@code h(SK_PI,
 * IntAuth_1 + A2)}.
 */
class SignedOctetsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String REAL_MESSAGE_HEX =
      "0011223344556677000000000000000021202208000000000000001c";
  private static final String NONCE_HEX = "a1a2a3a4a5a6a7a8a9aaabacadaeafb0";
  private static final String SK_P_HEX =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  /** ID_FQDN "client.example.test". */
  private static final String ID_BODY_HEX = "02000000636c69656e742e6578616d706c652e74657374";
  private static final String SIGNED_OCTETS_HEX = REAL_MESSAGE_HEX + NONCE_HEX
      + "cdc0adca7a4137344f84561dc5f4adb0414b8e684f2bcff69d0119ddf8671bc8";
  private static final String PSK = "correct horse battery staple";
  private static final String PSK_AUTH_HEX =
      "fd2623f903030e1b16c1c615a193a1c269e68a9d430a9330cace3b44de632426";

  private static final String SK_PI_HEX = "11".repeat(32);
  private static final String A1_HEX =
      "00112233445566778899aabbccddeeff2b200801000000010000002422000008";
  private static final String P1_HEX = "0000000c0000400c01020304";
  private static final String A2_HEX =
      "00112233445566778899aabbccddeeff2b200801000000020000002000000004";
  private static final String INT_AUTH_1_HEX =
      "01e3f0fa47672132776bc59e56ec9b0a3f4ef323aba18b9726e49a0a379c2289";
  private static final String INT_AUTH_2_HEX =
      "0625d142c94ef24ecc42cfdbb9714945601b0a237c533923fa2770e033f55717";

  private final HmacSha256Prf prf = new HmacSha256Prf();

  @Test
  void signedOctetsAreMessageNonceAndMacedId() {
    byte[] octets = SignedOctets.compute(prf, HEX.parseHex(REAL_MESSAGE_HEX),
        HEX.parseHex(NONCE_HEX), HEX.parseHex(SK_P_HEX), HEX.parseHex(ID_BODY_HEX), null);
    assertThat(HEX.formatHex(octets)).isEqualTo(SIGNED_OCTETS_HEX);
  }

  @Test
  void idBodyOfFqdnIdentityIsWhatAuthMacs() {
    assertThat(HEX.formatHex(IdPayload.fqdn(true, "client.example.test").restOfPayload()))
        .isEqualTo(ID_BODY_HEX);
  }

  @Test
  void intAuthSuffixFollowsTheMacedId() {
    byte[] suffix = IntermediateAuth.suffix(HEX.parseHex("aabb"), HEX.parseHex("ccdd"), 2);
    assertThat(HEX.formatHex(suffix)).isEqualTo("aabbccdd00000002");
    byte[] octets = SignedOctets.compute(prf, HEX.parseHex(REAL_MESSAGE_HEX),
        HEX.parseHex(NONCE_HEX), HEX.parseHex(SK_P_HEX), HEX.parseHex(ID_BODY_HEX), suffix);
    assertThat(HEX.formatHex(octets)).isEqualTo(SIGNED_OCTETS_HEX + "aabbccdd00000002");
  }

  @Test
  void intAuthChainsOverEachIntermediateMessage() {
    byte[] skPi = HEX.parseHex(SK_PI_HEX);
    byte[] first = IntermediateAuth.next(prf, skPi, null, HEX.parseHex(A1_HEX),
        HEX.parseHex(P1_HEX));
    assertThat(HEX.formatHex(first)).isEqualTo(INT_AUTH_1_HEX);
    byte[] second = IntermediateAuth.next(prf, skPi, first, HEX.parseHex(A2_HEX), new byte[0]);
    assertThat(HEX.formatHex(second)).isEqualTo(INT_AUTH_2_HEX);
  }

  @Test
  void intAuthSuffixCarriesTheFullMessageIdRange() {
    assertThat(HEX.formatHex(IntermediateAuth.suffix(new byte[0], new byte[0], 0xfffffffeL)))
        .isEqualTo("fffffffe");
    assertThatThrownBy(() -> IntermediateAuth.suffix(new byte[0], new byte[0], 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pskAuthIsPrfOfKeyPadThenOctets() throws Exception {
    byte[] auth = PskAuth.compute(prf, PSK.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        HEX.parseHex(SIGNED_OCTETS_HEX));
    assertThat(HEX.formatHex(auth)).isEqualTo(PSK_AUTH_HEX);
    PskAuth.verify(prf, PSK.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        HEX.parseHex(SIGNED_OCTETS_HEX), HEX.parseHex(PSK_AUTH_HEX));
  }

  @Test
  void rejectsPskAuthMadeWithAnotherKey() {
    byte[] other = PskAuth.compute(prf, "other".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        HEX.parseHex(SIGNED_OCTETS_HEX));
    assertThatThrownBy(() -> PskAuth.verify(prf,
            PSK.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            HEX.parseHex(SIGNED_OCTETS_HEX), other))
        .isInstanceOf(GatewayAuthException.class)
        .hasMessageContaining("pre-shared")
        .extracting(e -> ((GatewayAuthException) e).reason())
        .isEqualTo(GatewayAuthException.Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsTruncatedPskAuth() {
    assertThatThrownBy(() -> PskAuth.verify(prf, new byte[] {1},
            HEX.parseHex(SIGNED_OCTETS_HEX), new byte[5]))
        .isInstanceOf(GatewayAuthException.class);
  }

  @Test
  void eapAuthUsesMskOrElseSkP() {
    byte[] msk = new byte[64];
    byte[] skp = new byte[32];
    assertThat(PskAuth.eapSecret(msk, skp)).isSameAs(msk);
    assertThat(PskAuth.eapSecret(null, skp)).isSameAs(skp);
  }
}
