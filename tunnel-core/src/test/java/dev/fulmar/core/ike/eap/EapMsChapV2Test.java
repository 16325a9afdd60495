package dev.fulmar.core.ike.eap;

import static dev.fulmar.core.ike.eap.MsChapV2Test.AUTHENTICATOR_CHALLENGE_HEX;
import static dev.fulmar.core.ike.eap.MsChapV2Test.AUTHENTICATOR_RESPONSE;
import static dev.fulmar.core.ike.eap.MsChapV2Test.MSK_HEX;
import static dev.fulmar.core.ike.eap.MsChapV2Test.NT_RESPONSE_HEX;
import static dev.fulmar.core.ike.eap.MsChapV2Test.PEER_CHALLENGE_HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * EAP-MSCHAPv2 driven as strongSwan's eap_mschapv2 server drives it, with the RFC 2759 §9.2
 * values: the gateway's challenge is the AuthenticatorChallenge, our random source yields the
 * PeerChallenge.
 */
class EapMsChapV2Test {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  /**
   * EAP-Request/MSCHAPv2 Challenge as strongSwan builds it: Code 1, Id 1, Length 36, Type 26,
   * OpCode 1, MS-CHAPv2-ID 0x2a, MS-Length 31, Value-Size 16, challenge, Name "strongSwan".
   */
  private static final String CHALLENGE_REQUEST_HEX = "01010024" + "1A" + "012A001F10"
      + AUTHENTICATOR_CHALLENGE_HEX + "7374726F6E675377616E";

  private EapClient client(String identity, String password) {
    return new EapClient(identity, new EapMsChapV2(identity, password.toCharArray(),
        new FixedRandom(HEX.parseHex(PEER_CHALLENGE_HEX))));
  }

  private static byte[] request(int id, int opcode, int msId, String message) {
    byte[] text = message.getBytes(StandardCharsets.US_ASCII);
    byte[] td = new byte[4 + text.length];
    td[0] = (byte) opcode;
    td[1] = (byte) msId;
    td[2] = (byte) (td.length >>> 8);
    td[3] = (byte) td.length;
    System.arraycopy(text, 0, td, 4, text.length);
    return new EapPacket(EapPacket.REQUEST, id, EapType.MSCHAPV2, td).encode();
  }

  private static byte[] respond(EapClient c, byte[] request) throws EapException {
    return ((EapClient.Respond) c.process(request)).message();
  }

  @Test
  void completesTheRfc2759ExchangeAndDerivesTheMsk() throws Exception {
    EapClient c = client("User", "clientPass");
    byte[] identity = respond(c, HEX.parseHex("0100000501"));
    assertThat(HEX.formatHex(identity)).isEqualTo("020000090155736572");

    byte[] response = respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    // Code 2, Id 1, Length 63, Type 26, OpCode 2, MS-CHAPv2-ID, MS-Length 58, Value-Size 49,
    // Peer-Challenge, 8 reserved, NT-Response, Flags 0, Name "User".
    assertThat(HEX.formatHex(response)).isEqualTo("0201003F" + "1A" + "022A003A31"
        + PEER_CHALLENGE_HEX + "0000000000000000" + NT_RESPONSE_HEX + "00" + "55736572");

    byte[] success = respond(c, request(2, 3, 0x2a, AUTHENTICATOR_RESPONSE
        + " M=Welcome2strongSwan"));
    assertThat(HEX.formatHex(success)).isEqualTo("02020006" + "1A" + "03");

    EapClient.Step done = c.process(HEX.parseHex("03020004"));
    assertThat(done).isInstanceOf(EapClient.Succeeded.class);
    assertThat(HEX.formatHex(((EapClient.Succeeded) done).msk().orElseThrow()))
        .isEqualTo(MSK_HEX);
  }

  @Test
  void destroyWipesThePasswordHashAndTheMsk() throws Exception {
    EapMsChapV2 method = new EapMsChapV2("User", "clientPass".toCharArray(),
        new FixedRandom(HEX.parseHex(PEER_CHALLENGE_HEX)));
    EapClient c = new EapClient("User", method);
    respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    respond(c, request(2, 3, 0x2a, AUTHENTICATOR_RESPONSE + " M=Welcome2strongSwan"));
    byte[] msk = ((EapClient.Succeeded) c.process(HEX.parseHex("03020004"))).msk().orElseThrow();

    c.destroy();

    assertThat(HEX.formatHex(msk)).as("the caller's copy is the caller's").isEqualTo(MSK_HEX);
    assertThat(method.msk().orElseThrow()).containsOnly(0);
    // the hash is gone: the same challenge now yields a different NT-Response
    EapMsChapV2 fresh = new EapMsChapV2("User", "clientPass".toCharArray(),
        new FixedRandom(HEX.parseHex(PEER_CHALLENGE_HEX)));
    byte[] td = java.util.Arrays.copyOfRange(HEX.parseHex(CHALLENGE_REQUEST_HEX), 5, 36);
    assertThat(method.process(1, td)).isNotEqualTo(fresh.process(1, td));
    assertThatThrownBy(() -> c.process(HEX.parseHex("0103000501")))
        .isInstanceOf(EapFormatException.class);
  }

  @Test
  void stripsTheDomainFromTheChallengeHashButSendsTheFullName() throws Exception {
    EapClient c = client("CORP\\User", "clientPass");
    byte[] response = respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    assertThat(HEX.formatHex(response)).contains(NT_RESPONSE_HEX)
        .endsWith(HEX.formatHex("CORP\\User".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void refusesWrongAuthenticatorResponseAndSendsNoSuccess() throws Exception {
    EapClient c = client("User", "clientPass");
    respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    String forged = "S=407A5589115FD0D6209F510FE9C04566932CDA57";
    assertThatThrownBy(() -> c.process(request(2, 3, 0x2a, forged + " M=hi")))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessageContaining("did not prove that it knows the password")
        .extracting(e -> ((EapAuthenticationException) e).reason())
        .isEqualTo(Reason.GATEWAY_NOT_AUTHENTICATED);
  }

  @Test
  void refusesEapSuccessBeforeTheAuthenticatorResponse() throws Exception {
    EapClient c = client("User", "clientPass");
    respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    assertThatThrownBy(() -> c.process(HEX.parseHex("03020004")))
        .isInstanceOf(EapAuthenticationException.class)
        .extracting(e -> ((EapAuthenticationException) e).reason())
        .isEqualTo(Reason.PREMATURE_SUCCESS);
  }

  @Test
  void reportsWrongPasswordInPlainWords() throws Exception {
    EapClient c = client("User", "wrongPass");
    respond(c, HEX.parseHex(CHALLENGE_REQUEST_HEX));
    byte[] failureResponse = respond(c, request(2, 4, 0x2a,
        "E=691 R=1 C=" + AUTHENTICATOR_CHALLENGE_HEX + " V=3 M=Authentication failed"));
    assertThat(HEX.formatHex(failureResponse)).isEqualTo("02020006" + "1A" + "04");
    assertThatThrownBy(() -> c.process(HEX.parseHex("04030004")))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessage("the gateway rejected the user name or password (the gateway says:"
            + " Authentication failed)")
        .satisfies(e -> {
          EapAuthenticationException a = (EapAuthenticationException) e;
          assertThat(a.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
          assertThat(a.serverErrorCode()).hasValue(691);
        });
  }

  @Test
  void namesExpiredPasswordAndOtherErrors() throws Exception {
    assertThat(MsChapV2Failure.parse("E=648 R=0 V=3").reason())
        .isEqualTo(Reason.PASSWORD_EXPIRED);
    assertThat(MsChapV2Failure.parse("E=648 R=0 V=3").getMessage())
        .startsWith("the password has expired");
    assertThat(MsChapV2Failure.parse("E=647 R=0").reason()).isEqualTo(Reason.ACCOUNT_DISABLED);
    assertThat(MsChapV2Failure.parse("E=646").reason())
        .isEqualTo(Reason.RESTRICTED_LOGON_HOURS);
    assertThat(MsChapV2Failure.parse("E=649").reason()).isEqualTo(Reason.NO_DIALIN_PERMISSION);
    assertThat(MsChapV2Failure.parse("E=709").reason())
        .isEqualTo(Reason.PASSWORD_CHANGE_FAILED);
    assertThat(MsChapV2Failure.parse("E=1234 M=odd\u0001text").getMessage())
        .isEqualTo("the gateway refused the login with MSCHAPv2 error 1234 (the gateway says:"
            + " odd?text)");
    assertThat(MsChapV2Failure.parse("garbage").reason()).isEqualTo(Reason.OTHER_SERVER_ERROR);
  }

  @Test
  void rejectsMalformedChallenge() {
    EapClient c = client("User", "clientPass");
    assertThatThrownBy(() -> c.process(HEX.parseHex("010100091A012A0004")))
        .isInstanceOf(EapFormatException.class)
        .hasMessageContaining("16-byte challenge");
  }

  @Property(tries = 1000)
  void arbitraryMsChapV2RequestsYieldAResponseOrATypedError(@ForAll byte[] typeData) {
    EapMsChapV2 m = new EapMsChapV2("User", "pw".toCharArray(), new FixedRandom(new byte[] {7}));
    try {
      m.process(1, HEX.parseHex(CHALLENGE_REQUEST_HEX.substring(10)));
      assertThat(m.process(2, typeData)).isNotNull();
    } catch (EapException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
