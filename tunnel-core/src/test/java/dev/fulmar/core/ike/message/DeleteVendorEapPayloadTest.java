package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Delete (RFC 7296 §3.11), Vendor ID (§3.12) and EAP (§3.16) payloads. */
class DeleteVendorEapPayloadTest {

  /** RFC 7296 §3.11: deletion of the IKE SA: protocol IKE, SPI size 0, no SPIs. */
  static final String DELETE_IKE_HEX = "00000008 01 00 0000";

  /** RFC 7296 §3.11: deletion of two ESP SAs by their inbound SPIs. */
  static final String DELETE_ESP_HEX = "00000010 03 04 0002 c0010203 c0a0b0c0";

  /** RFC 7296 §3.12: strongSwan's Vendor ID. */
  static final String VENDOR_ID_HEX = "00000014 882fe56d6fd20dbc2251613b2ebe5beb";

  /** RFC 7296 §3.16 with RFC 3748 §5.1: EAP-Request/Identity, identifier 0, no type data. */
  static final String EAP_IDENTITY_REQUEST_HEX = "00000009 01 00 0005 01";

  /** RFC 7296 §3.16 with RFC 3748 §4.2: EAP-Success, identifier 7. */
  static final String EAP_SUCCESS_HEX = "00000008 03 07 0004";

  @Test
  void deleteOfIkeSaRoundTrips() throws Exception {
    assertThat(Codec.decodeOne(PayloadType.DELETE, DELETE_IKE_HEX))
        .isEqualTo(DeletePayload.ikeSa());
    assertThat(Codec.encodeOne(DeletePayload.ikeSa())).isEqualTo(Hex.normalize(DELETE_IKE_HEX));
  }

  @Test
  void deleteOfChildSasRoundTrips() throws Exception {
    DeletePayload d = DeletePayload.childSas(ProtocolId.ESP, 0xc0010203, 0xc0a0b0c0);
    DeletePayload decoded = (DeletePayload) Codec.decodeOne(PayloadType.DELETE, DELETE_ESP_HEX);

    assertThat(decoded).isEqualTo(d);
    assertThat(decoded.spis()).containsExactly(0xc0010203L, 0xc0a0b0c0L);
    assertThat(decoded).hasToString("D(ESP c0010203 c0a0b0c0)");
    assertThat(Codec.encodeOne(d)).isEqualTo(Hex.normalize(DELETE_ESP_HEX));
  }

  @Test
  void rejectsDeleteWhoseSpiCountDisagreesWithItsLength() {
    String wrongCount = "00000010 03 04 0003 c0010203 c0a0b0c0";
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.DELETE, wrongCount))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage(
            "Delete payload at offset 8: 3 SPIs of 4 octets need 12 octets, the payload has 8");
  }

  @Test
  void vendorIdRoundTrips() throws Exception {
    VendorIdPayload v = new VendorIdPayload(Hex.bytes("882fe56d6fd20dbc2251613b2ebe5beb"));
    assertThat(Codec.decodeOne(PayloadType.VENDOR_ID, VENDOR_ID_HEX)).isEqualTo(v);
    assertThat(Codec.encodeOne(v)).isEqualTo(Hex.normalize(VENDOR_ID_HEX));
  }

  @Test
  void eapMessagesRoundTrip() throws Exception {
    EapPayload request = new EapPayload(Hex.bytes("01 00 0005 01"));
    EapPayload success = new EapPayload(Hex.bytes("03 07 0004"));

    assertThat(Codec.decodeOne(PayloadType.EAP, EAP_IDENTITY_REQUEST_HEX)).isEqualTo(request);
    assertThat(Codec.encodeOne(request)).isEqualTo(Hex.normalize(EAP_IDENTITY_REQUEST_HEX));
    assertThat(Codec.decodeOne(PayloadType.EAP, EAP_SUCCESS_HEX)).isEqualTo(success);
    assertThat(Codec.encodeOne(success)).isEqualTo(Hex.normalize(EAP_SUCCESS_HEX));
    assertThat(success.code()).isEqualTo(3);
    assertThat(success.identifier()).isEqualTo(7);
  }

  @Test
  void eapToStringShowsNoContent() {
    // An EAP-Response/GTC (type 6) carrying the password "hunter2".
    EapPayload response = new EapPayload(Hex.bytes("02 05 000c 06 68756e74657232"));
    assertThat(response).hasToString("EAP(code=2 id=5 type=6, 12 octets)");
    assertThat(
            IkeMessage.protectedMessage(
                    IkeHeader.request(1, 2, ExchangeType.IKE_AUTH, 2, true), List.of(response))
                .toString())
        .doesNotContain("68756e74657232", "hunter2");
  }

  @Test
  void rejectsEapLengthThatDisagreesWithThePayload() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.EAP, "00000009 01 00 0006 01"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage(
            "EAP payload at offset 9: EAP Length field says 6 octets, the payload " + "carries 5");
  }
}
