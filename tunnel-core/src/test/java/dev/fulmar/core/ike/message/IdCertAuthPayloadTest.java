package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ID (RFC 7296 §3.5), CERT (§3.6), CERTREQ (§3.7) and AUTH (§3.8) payloads. */
class IdCertAuthPayloadTest {

  /** RFC 7296 §3.5: IDi of type ID_FQDN "vpn.example.com". */
  static final String IDI_FQDN_HEX = "00000017 02 000000 76706e2e6578616d706c652e636f6d";

  /** RFC 7296 §3.5: IDr of type ID_IPV4_ADDR 192.0.2.1. */
  static final String IDR_IPV4_HEX = "0000000c 01 000000 c0000201";

  /** RFC 7296 §3.6: CERT with encoding 4 (X.509 signature) and 5 octets of (dummy) DER. */
  static final String CERT_HEX = "0000000a 04 3003020100";

  /** RFC 7296 §3.7: CERTREQ for X.509 with two CA key hashes. */
  static final String CERTREQ_HEX = "0000002d 04" + Hex.counting(0, 20) + Hex.counting(0x40, 20);

  /** RFC 7296 §3.8: AUTH with Shared Key Message Integrity Code (2), 32 octets of MAC. */
  static final String AUTH_PSK_HEX = "00000028 02 000000" + Hex.counting(0x80, 32);

  @Test
  void fqdnIdRoundTrips() throws Exception {
    IdPayload id = IdPayload.fqdn(true, "vpn.example.com");
    IdPayload decoded = (IdPayload) Codec.decodeOne(PayloadType.IDI, IDI_FQDN_HEX);

    assertThat(decoded).isEqualTo(id);
    assertThat(decoded.type()).isEqualTo(PayloadType.IDI);
    assertThat(decoded.displayValue()).isEqualTo("vpn.example.com");
    assertThat(Codec.encodeOne(id)).isEqualTo(Hex.normalize(IDI_FQDN_HEX));
    assertThat(Hex.hex(id.restOfPayload())).isEqualTo(Hex.normalize(IDI_FQDN_HEX).substring(8));
  }

  @Test
  void refusesNonAsciiFqdn() {
    assertThatThrownBy(() -> IdPayload.fqdn(true, "vpn.bücher.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A-label");
  }

  @Test
  void ipv4IdRoundTrips() throws Exception {
    IdPayload id = IdPayload.ipAddress(false, InetAddress.getByName("192.0.2.1"));
    IdPayload decoded = (IdPayload) Codec.decodeOne(PayloadType.IDR, IDR_IPV4_HEX);

    assertThat(decoded).isEqualTo(id);
    assertThat(decoded).hasToString("IDr(ID_IPV4_ADDR, 192.0.2.1)");
    assertThat(Codec.encodeOne(id)).isEqualTo(Hex.normalize(IDR_IPV4_HEX));
  }

  @Test
  void rejectsIpv4IdOfWrongLength() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.IDR, "0000000d 01 000000 c000020101"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("IDr payload at offset 13: ID_IPV4_ADDR with 5 octets of data");
  }

  @Test
  void rejectsIpv6IdOfWrongLength() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.IDR, "0000000a 05 000000 0102"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("ID_IPV6_ADDR");
  }

  @Test
  void rejectsIdBodyShorterThanItsFixedPart() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.IDR, "00000007 01 0000"))
        .isInstanceOf(InvalidSyntaxException.class);
  }

  @Test
  void certRoundTrips() throws Exception {
    CertPayload cert = CertPayload.x509(Hex.bytes("3003020100"));
    assertThat(Codec.decodeOne(PayloadType.CERT, CERT_HEX)).isEqualTo(cert);
    assertThat(Codec.encodeOne(cert)).isEqualTo(Hex.normalize(CERT_HEX));
  }

  @Test
  void certReqRoundTripsWithItsKeyHashes() throws Exception {
    CertReqPayload req =
        CertReqPayload.x509(
            List.of(Hex.bytes(Hex.counting(0, 20)), Hex.bytes(Hex.counting(0x40, 20))));
    CertReqPayload decoded = (CertReqPayload) Codec.decodeOne(PayloadType.CERTREQ, CERTREQ_HEX);

    assertThat(decoded).isEqualTo(req);
    assertThat(decoded.authorityKeyHashes()).hasSize(2);
    assertThat(Hex.hex(decoded.authorityKeyHashes().get(1))).isEqualTo(Hex.counting(0x40, 20));
    assertThat(Codec.encodeOne(req)).isEqualTo(Hex.normalize(CERTREQ_HEX));
  }

  @Test
  void emptyCertReqIsAccepted() throws Exception {
    CertReqPayload req = (CertReqPayload) Codec.decodeOne(PayloadType.CERTREQ, "00000005 04");
    assertThat(req.authorityKeyHashes()).isEmpty();
  }

  @Test
  void authRoundTrips() throws Exception {
    AuthPayload auth =
        new AuthPayload(AuthMethod.SHARED_KEY_MIC, Hex.bytes(Hex.counting(0x80, 32)));
    assertThat(Codec.decodeOne(PayloadType.AUTH, AUTH_PSK_HEX)).isEqualTo(auth);
    assertThat(Codec.encodeOne(auth)).isEqualTo(Hex.normalize(AUTH_PSK_HEX));
    assertThat(auth).hasToString("AUTH(SHARED_KEY_MIC, 32 octets)");
  }

  @Test
  void rejectsAuthWithoutItsFixedPart() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.AUTH, "00000006 0e00"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage("AUTH payload at offset 5: RESERVED needs 3 octets but only 1 remain");
  }
}
