package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 1320 §A.5 (MD4), RFC 2759 §9.2 and RFC 3079 §3.5.3. */
class MsChapV2Test {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** RFC 2759 §9.2. */
  static final String USER_NAME = "User";
  /** RFC 2759 §9.2. */
  static final String PASSWORD = "clientPass";
  /** RFC 2759 §9.2, 16-octet AuthenticatorChallenge. */
  static final String AUTHENTICATOR_CHALLENGE_HEX = "5B5D7C7D7B3F2F3E3C2C602132262628";
  /** RFC 2759 §9.2, 16-octet PeerChallenge. */
  static final String PEER_CHALLENGE_HEX = "21402324255E262A28295F2B3A337C7E";
  /** RFC 2759 §9.2, 8-octet Challenge. */
  static final String CHALLENGE_HEX = "D02E4386BCE91226";
  /** RFC 2759 §9.2, 16-octet PasswordHash. */
  static final String PASSWORD_HASH_HEX = "44EBBA8D5312B8D611474411F56989AE";
  /** RFC 2759 §9.2, 24-octet NT-Response. */
  static final String NT_RESPONSE_HEX = "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
  /** RFC 2759 §9.2, 16-octet PasswordHashHash. */
  static final String PASSWORD_HASH_HASH_HEX = "41C00C584BD2D91C4017A2A12FA59F3F";
  /** RFC 2759 §9.2, 42-octet AuthenticatorResponse. */
  static final String AUTHENTICATOR_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";
  /** RFC 3079 §3.5.3, MasterKey. */
  static final String MASTER_KEY_HEX = "FDECE3717A8C838CB388E527AE3CDD31";
  /** RFC 3079 §3.5.3, SendStartKey128 (the server's send key = the client's receive key). */
  static final String SEND_START_KEY_128_HEX = "8B7CDC149B993A1BA118CB153F56DCCB";
  /** RFC 3079 §3.5.3, SendSessionKey128. */
  static final String SEND_SESSION_KEY_128_HEX = "405CB2247A7956E6E211007AE27B22D4";
  /**
   * The client's send key (RFC 3079 Magic2) for the §3.5 values; no published vector, computed
   * with python3: {@code hashlib.sha1(MK + b"\0"*40 + magic2 + b"\xf2"*40).digest()[:16]}.
   */
  static final String CLIENT_SEND_KEY_HEX = "D5F0E9521E3EA9589645E86051C82226";
  /**
   * The 64-octet MSK for the RFC 2759 §9.2 exchange as strongSwan's eap_mschapv2.c lays it out:
   * client send key | client receive key | 32 zero octets (computed as above).
   */
  static final String MSK_HEX = CLIENT_SEND_KEY_HEX + SEND_START_KEY_128_HEX + "00".repeat(32);

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  @Test
  void md4MatchesRfc1320TestSuite() {
    // RFC 1320 §A.5.
    assertThat(HEX.formatHex(MsChapV2.md4(new byte[0])))
        .isEqualTo("31D6CFE0D16AE931B73C59D7E0C089C0");
    assertThat(HEX.formatHex(MsChapV2.md4("a".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("BDE52CB31DE33E46245E05FBDBD6FB24");
    assertThat(HEX.formatHex(MsChapV2.md4("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("A448017AAF21D8525FC10AE87AA6729D");
    assertThat(HEX.formatHex(MsChapV2.md4("message digest".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("D9130A8164549FE818874806E1C7014B");
  }

  @Test
  void passwordHashMatchesRfc2759() {
    byte[] hash = MsChapV2.ntPasswordHash(PASSWORD.toCharArray());
    assertThat(HEX.formatHex(hash)).isEqualTo(PASSWORD_HASH_HEX);
    assertThat(HEX.formatHex(MsChapV2.md4(hash))).isEqualTo(PASSWORD_HASH_HASH_HEX);
  }

  @Test
  void challengeHashAndNtResponseMatchRfc2759() {
    byte[] user = USER_NAME.getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(MsChapV2.challengeHash(hex(PEER_CHALLENGE_HEX),
        hex(AUTHENTICATOR_CHALLENGE_HEX), user))).isEqualTo(CHALLENGE_HEX);
    assertThat(HEX.formatHex(MsChapV2.ntResponse(hex(AUTHENTICATOR_CHALLENGE_HEX),
        hex(PEER_CHALLENGE_HEX), user, hex(PASSWORD_HASH_HEX)))).isEqualTo(NT_RESPONSE_HEX);
  }

  @Test
  void authenticatorResponseMatchesRfc2759() {
    assertThat(MsChapV2.authenticatorResponse(hex(PASSWORD_HASH_HEX), hex(NT_RESPONSE_HEX),
        hex(PEER_CHALLENGE_HEX), hex(AUTHENTICATOR_CHALLENGE_HEX),
        USER_NAME.getBytes(StandardCharsets.US_ASCII))).isEqualTo(AUTHENTICATOR_RESPONSE);
  }

  @Test
  void masterAndSessionKeysMatchRfc3079() {
    byte[] master = MsChapV2.masterKey(hex(PASSWORD_HASH_HASH_HEX), hex(NT_RESPONSE_HEX));
    assertThat(HEX.formatHex(master)).isEqualTo(MASTER_KEY_HEX);
    byte[] serverSend = MsChapV2.asymmetricStartKey(master, true, true);
    assertThat(HEX.formatHex(serverSend)).isEqualTo(SEND_START_KEY_128_HEX);
    assertThat(MsChapV2.asymmetricStartKey(master, false, false)).isEqualTo(serverSend);
    assertThat(HEX.formatHex(MsChapV2.newKeyFromSha(serverSend, serverSend)))
        .isEqualTo(SEND_SESSION_KEY_128_HEX);
    assertThat(HEX.formatHex(MsChapV2.asymmetricStartKey(master, true, false)))
        .isEqualTo(CLIENT_SEND_KEY_HEX);
  }

  @Test
  void mskIsClientSendThenReceiveKeyThenZeros() {
    assertThat(HEX.formatHex(MsChapV2.msk(hex(PASSWORD_HASH_HEX), hex(NT_RESPONSE_HEX))))
        .isEqualTo(MSK_HEX);
  }

  @Test
  void desKeyExpansionSpreadsSevenBytesOverEight() {
    assertThat(HEX.formatHex(MsChapV2.desKey(hex("FFFFFFFFFFFFFF"), 0)))
        .isEqualTo("FEFEFEFEFEFEFEFE");
    assertThat(HEX.formatHex(MsChapV2.desKey(hex("80000000000001"), 0)))
        .isEqualTo("8000000000000002");
  }
}
