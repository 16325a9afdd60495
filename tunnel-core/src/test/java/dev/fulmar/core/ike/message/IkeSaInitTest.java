package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Complete IKE_SA_INIT messages (RFC 7296 §1.2), written from the formats of §3.1 to §3.10 with the
 * payloads strongSwan sends: {@code HDR, SAi1, KEi, Ni, N(NAT_DETECTION_SOURCE_IP),
 * N(NAT_DETECTION_DESTINATION_IP), N(IKEV2_FRAGMENTATION_SUPPORTED), N(SIGNATURE_HASH_ALGORITHMS)}
 * and the answer with a CERTREQ and strongSwan's Vendor ID.
 */
class IkeSaInitTest {

  /** RFC 7296 §1.2: IKE_SA_INIT request, 298 octets. */
  static final String REQUEST_HEX =
      // HDR: SPIi, SPIr 0, next SA, version 2.0, IKE_SA_INIT, flags I, message ID 0, length
      "0011223344556677 0000000000000000 21 20 22 08 00000000 0000012a"
          // SAi1 (next KE)
          + "22000054"
          + "02000024 01010003 0300000c 01000014 800e0100 03000008 02000005 00000008 04000013"
          + "0000002c 02010004 0300000c 0100000c 800e0100 03000008 0300000c 03000008 02000005"
          + "00000008 0400000e"
          // KEi (next Nonce): ECP-256
          + "28000048 0013 0000"
          + Hex.counting(0, 64)
          // Ni (next N)
          + "29000024"
          + Hex.counting(0x10, 32)
          // N(NAT_DETECTION_SOURCE_IP), N(NAT_DETECTION_DESTINATION_IP)
          + "2900001c 00 00 4004"
          + Hex.counting(0xa0, 20)
          + "2900001c 00 00 4005"
          + Hex.counting(0xc0, 20)
          // N(IKEV2_FRAGMENTATION_SUPPORTED)
          + "29000008 00 00 402e"
          // N(SIGNATURE_HASH_ALGORITHMS): SHA2-256, SHA2-384, SHA2-512 (RFC 7427 §4)
          + "0000000e 00 00 402f 0002 0003 0004";

  /** RFC 7296 §1.2: IKE_SA_INIT response, 299 octets. */
  static final String RESPONSE_HEX =
      // HDR: SPIi, SPIr, next SA, version 2.0, IKE_SA_INIT, flags R, message ID 0, length
      "0011223344556677 8899aabbccddeeff 21 20 22 20 00000000 0000012b"
          // SAr1: the chosen proposal #1
          + "22000028"
          + "00000024 01010003 0300000c 01000014 800e0100 03000008 02000005 00000008 04000013"
          + "28000048 0013 0000"
          + Hex.counting(0x40, 64)
          + "29000024"
          + Hex.counting(0x30, 32)
          + "2900001c 00 00 4004"
          + Hex.counting(0x60, 20)
          + "2600001c 00 00 4005"
          + Hex.counting(0x80, 20)
          // CERTREQ: X.509 signature, one CA key hash
          + "29000019 04"
          + Hex.counting(0xe0, 20)
          + "29000008 00 00 402e"
          + "2b00000e 00 00 402f 0002 0003 0004"
          // V: strongSwan's vendor ID
          + "00000014 882fe56d6fd20dbc2251613b2ebe5beb";

  private static final byte[] SIGNATURE_HASHES = Hex.bytes("0002 0003 0004");

  static IkeMessage request() {
    IkeHeader header = IkeHeader.request(0x0011223344556677L, 0, ExchangeType.IKE_SA_INIT, 0, true);
    return IkeMessage.of(
        header,
        SaPayloadTest.ikeSa(),
        new KePayload(KeyExchangeMethod.ECP_256, Hex.bytes(Hex.counting(0, 64))),
        new NoncePayload(Hex.bytes(Hex.counting(0x10, 32))),
        NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, Hex.bytes(Hex.counting(0xa0, 20))),
        NotifyPayload.of(
            NotifyType.NAT_DETECTION_DESTINATION_IP, Hex.bytes(Hex.counting(0xc0, 20))),
        NotifyPayload.of(NotifyType.FRAGMENTATION_SUPPORTED),
        NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS, SIGNATURE_HASHES));
  }

  static IkeMessage response() {
    IkeHeader header =
        IkeHeader.responseTo(request().header()).withResponderSpi(0x8899aabbccddeeffL);
    return IkeMessage.of(
        header,
        SaPayload.of(SaPayloadTest.ikeSa().proposals().get(0)),
        new KePayload(KeyExchangeMethod.ECP_256, Hex.bytes(Hex.counting(0x40, 64))),
        new NoncePayload(Hex.bytes(Hex.counting(0x30, 32))),
        NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, Hex.bytes(Hex.counting(0x60, 20))),
        NotifyPayload.of(
            NotifyType.NAT_DETECTION_DESTINATION_IP, Hex.bytes(Hex.counting(0x80, 20))),
        CertReqPayload.x509(List.of(Hex.bytes(Hex.counting(0xe0, 20)))),
        NotifyPayload.of(NotifyType.FRAGMENTATION_SUPPORTED),
        NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS, SIGNATURE_HASHES),
        new VendorIdPayload(Hex.bytes("882fe56d6fd20dbc2251613b2ebe5beb")));
  }

  @Test
  void decodesRequest() throws Exception {
    IkeMessage m = IkeMessage.decode(Hex.bytes(REQUEST_HEX));

    assertThat(m).isEqualTo(request());
    assertThat(m.isEncrypted()).isFalse();
    assertThat(m.header().initiator()).isTrue();
    assertThat(m.header().response()).isFalse();
    assertThat(m.notify(NotifyType.FRAGMENTATION_SUPPORTED)).isPresent();
    assertThat(m.first(KePayload.class).orElseThrow().method())
        .isEqualTo(KeyExchangeMethod.ECP_256);
  }

  @Test
  void encodesRequest() {
    assertThat(Hex.hex(request().encode())).isEqualTo(Hex.normalize(REQUEST_HEX));
  }

  @Test
  void decodesResponse() throws Exception {
    IkeMessage m = IkeMessage.decode(Hex.bytes(RESPONSE_HEX));

    assertThat(m).isEqualTo(response());
    assertThat(m.header().responderSpi()).isEqualTo(0x8899aabbccddeeffL);
    assertThat(m.header().response()).isTrue();
    assertThat(m.header().initiator()).isFalse();
    assertThat(m.first(CertReqPayload.class).orElseThrow().authorityKeyHashes()).hasSize(1);
  }

  @Test
  void encodesResponse() {
    assertThat(Hex.hex(response().encode())).isEqualTo(Hex.normalize(RESPONSE_HEX));
  }

  @Test
  void printsPayloadNamesInRfcNotation() {
    assertThat(request().toString())
        .startsWith("IKE_SA_INIT request #0 0011223344556677:0000000000000000 [I]: SA[#1 IKE")
        .contains("KE(ECP_256, 64 octets)", "N(IKEV2_FRAGMENTATION_SUPPORTED)");
  }
}
