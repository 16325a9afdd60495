package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EapClientTest {

  private static final HexFormat HEX = HexFormat.of();
  /** EAP-Request/MD5-Challenge, Id 7, Value-Size 16, challenge 00112233..ff, Name "gw". */
  private static final String MD5_REQUEST_HEX =
      "01070018" + "04" + "10" + "00112233445566778899aabbccddeeff" + "6777";
  /** python3: hashlib.md5(bytes([7]) + b"secret" + challenge).hexdigest(). */
  private static final String MD5_VALUE_HEX = "15c1682eb7ac3daca85d727884af20a0";

  private static byte[] respond(EapClient c, String hex) throws EapException {
    return ((EapClient.Respond) c.process(HEX.parseHex(hex))).message();
  }

  @Test
  void answersIdentityNotificationAndMd5() throws Exception {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    assertThat(HEX.formatHex(respond(c, "0101000501"))).isEqualTo("020100" + "0a01616c696365");
    assertThat(HEX.formatHex(respond(c, "0102000a0248656c6c6f")))
        .isEqualTo("0202000502");
    assertThat(c.notifications()).containsExactly("Hello");
    assertThat(HEX.formatHex(respond(c, MD5_REQUEST_HEX)))
        .isEqualTo("0207001b" + "04" + "10" + MD5_VALUE_HEX + "616c696365");
    EapClient.Step s = c.process(HEX.parseHex("03070004"));
    assertThat(((EapClient.Succeeded) s).msk()).isEmpty();
  }

  @Test
  void naksAnotherMethodNamingOurs() throws Exception {
    EapClient c = new EapClient("alice", new EapGtc("pw".toCharArray()));
    assertThat(HEX.formatHex(respond(c, "0104000510"))).isEqualTo("020400060306");
    assertThatThrownBy(() -> c.process(HEX.parseHex("04050004")))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessageContaining("offers only EAP [unknown(16)]")
        .extracting(e -> ((EapAuthenticationException) e).reason())
        .isEqualTo(Reason.METHOD_NOT_AGREED);
  }

  @Test
  void answersExpandedRequestWithExpandedNak() throws Exception {
    EapClient c = new EapClient("alice", new EapGtc("pw".toCharArray()));
    assertThat(HEX.formatHex(respond(c, "0101000cfe00137f0000000101")))
        .isEqualTo("02010014fe00000000000003" + "fe00000000000006");
  }

  @Test
  void answersGtcPromptWithThePassword() throws Exception {
    EapGtc gtc = new EapGtc("pw".toCharArray());
    EapClient c = new EapClient("alice", gtc);
    assertThat(HEX.formatHex(respond(c, "0101000d0650617373776f7264")))
        .isEqualTo("02010007067077");
    assertThat(gtc.lastPrompt()).isEqualTo("Password");
    assertThatThrownBy(() -> c.process(HEX.parseHex("04020004")))
        .isInstanceOf(EapAuthenticationException.class)
        .hasMessage("the gateway rejected the user name or password");
  }

  @Test
  void repeatsTheLastResponseForARetransmittedRequest() throws Exception {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    byte[] first = respond(c, MD5_REQUEST_HEX);
    assertThat(respond(c, MD5_REQUEST_HEX)).isEqualTo(first);
  }

  @Test
  void refusesSuccessBeforeTheMethodRan() throws Exception {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    respond(c, "0101000501");
    assertThatThrownBy(() -> c.process(HEX.parseHex("03010004")))
        .isInstanceOf(EapAuthenticationException.class)
        .extracting(e -> ((EapAuthenticationException) e).reason())
        .isEqualTo(Reason.PREMATURE_SUCCESS);
  }

  @Test
  void refusesResponsesAndNakRequestsFromTheGateway() {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    assertThatThrownBy(() -> c.process(HEX.parseHex("0201000501")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("Response");
    assertThatThrownBy(() -> c.process(HEX.parseHex("010100060304")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("Nak");
  }

  @Test
  void rejectsMalformedMd5Challenge() {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    assertThatThrownBy(() -> c.process(HEX.parseHex("010700070410aa")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("Value-Size");
  }

  @Property(tries = 10_000)
  void arbitraryMessagesYieldAStepOrATypedError(@ForAll byte[] message) {
    EapClient c = new EapClient("alice", new EapMd5("alice", "secret".toCharArray()));
    try {
      assertThat(c.process(message)).isNotNull();
    } catch (EapException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
