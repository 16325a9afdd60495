package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An IKE_SA_INIT exchange captured from strongSwan 5.9.8 (Debian 12): two charon-systemd instances
 * in network namespaces, client 192.0.2.1 initiating to gateway 192.0.2.2 with swanctl's default
 * IKE proposals and PSK authentication; {@code tcpdump -w} on the client's veth for UDP port 500,
 * then {@code tshark -r ike.pcap -T fields -e udp.payload}. The SPIs, nonces and X25519 public
 * values come from that throwaway run and are public by nature.
 */
class StrongSwanCaptureTest {

  /** strongSwan 5.9.8 IKE_SA_INIT request, 892 octets (two proposals, 34 and 36 transforms). */
  static final String REQUEST_HEX =
      "21ee6df848344eb8000000000000000021202208000000000000037c220002bc"
          + "02000148010100220300000c0100000c800e00800300000c0100000c800e00c0"
          + "0300000c0100000c800e01000300000c0100000d800e00800300000c0100000d"
          + "800e00c00300000c0100000d800e01000300000c01000017800e00800300000c"
          + "01000017800e00c00300000c01000017800e01000300000c01000018800e0080"
          + "0300000c01000018800e00c00300000c01000018800e01000300000801000003"
          + "030000080300000c030000080300000d030000080300000e0300000803000002"
          + "0300000802000005030000080200000603000008020000070300000802000002"
          + "030000080400001f030000080400002003000008040000130300000804000014"
          + "0300000804000015030000080400001c030000080400001d030000080400001e"
          + "030000080400000f030000080400001003000008040000110300000804000012"
          + "000000080400000e00000170020100240300000c01000014800e00800300000c"
          + "01000014800e00c00300000c01000014800e01000300000c01000010800e0080"
          + "0300000c01000010800e00c00300000c01000010800e0100030000080100001c"
          + "0300000c01000013800e00800300000c01000013800e00c00300000c01000013"
          + "800e01000300000c01000012800e00800300000c01000012800e00c00300000c"
          + "01000012800e01000300000c0100000f800e00800300000c0100000f800e00c0"
          + "0300000c0100000f800e01000300000c0100000e800e00800300000c0100000e"
          + "800e00c00300000c0100000e800e010003000008020000050300000802000006"
          + "03000008020000070300000802000002030000080400001f0300000804000020"
          + "030000080400001303000008040000140300000804000015030000080400001c"
          + "030000080400001d030000080400001e030000080400000f0300000804000010"
          + "03000008040000110300000804000012000000080400000e28000028001f0000"
          + "86afe3c7e6917412b7e60bd58e2e0c426a3c3a799dad8a817c9bd57b22b1af7d"
          + "29000024525b0c0b7c06ffe6df8cd78e0a8d0d044041468d3e875cb688aafd9c"
          + "a9d933582900001c00004004d2ede6ab7cb21606e301299cb65be3825c2c8a03"
          + "2900001c000040056ecd5a8e2b14a578bbbabbe5d50e16bceb26705229000008"
          + "0000402e290000100000402f00020003000400050000000800004016";

  /** strongSwan 5.9.8 IKE_SA_INIT response, 248 octets. */
  static final String RESPONSE_HEX =
      "21ee6df848344eb890aa963f64617f6c2120222000000000000000f822000030"
          + "0000002c010100040300000c0100000c800e0080030000080300000c03000008"
          + "02000005000000080400001f28000028001f0000ad25cf0df35a84e698ad3825"
          + "5abbf1f2cd9f7e2d071e7a6ec43e57119204767f29000024b029631fccc9f550"
          + "815c37668c5c7c888f1ea3d120b20e6e102c5775ca4b7f882900001c00004004"
          + "41905eb5cdc69c2ccce0cc15dfc49bea319423762900001c00004005ca084816"
          + "d37e59eeab46c3de80f8f74d24690833290000080000402e290000100000402f"
          + "000200030004000529000008000040220000000800004014";

  @Test
  void decodesStrongSwansRequest() throws Exception {
    IkeMessage m = IkeMessage.decode(Hex.bytes(REQUEST_HEX));

    assertThat(m.header().exchangeType()).isEqualTo(ExchangeType.IKE_SA_INIT);
    assertThat(m.header().initiator()).isTrue();
    assertThat(m.header().responderSpi()).isZero();
    SaPayload sa = m.first(SaPayload.class).orElseThrow();
    assertThat(sa.proposals()).extracting(p -> p.transforms().size()).containsExactly(34, 36);
    assertThat(sa.proposals().get(0).transforms(TransformType.INTEG)).isNotEmpty();
    assertThat(sa.proposals().get(1).transforms(TransformType.INTEG)).isEmpty(); // AEAD only
    assertThat(sa.proposals().get(1).transforms(TransformType.ENCR).get(0).idName())
        .isEqualTo("ENCR_AES_GCM_16");
    KePayload ke = m.first(KePayload.class).orElseThrow();
    assertThat(ke.method()).isEqualTo(KeyExchangeMethod.CURVE25519);
    assertThat(ke.data()).hasSize(32);
    assertThat(m.first(NoncePayload.class).orElseThrow().nonce()).hasSize(32);
    assertThat(m.payloads(NotifyPayload.class))
        .extracting(NotifyPayload::notifyType)
        .containsExactly(
            NotifyType.NAT_DETECTION_SOURCE_IP,
            NotifyType.NAT_DETECTION_DESTINATION_IP,
            NotifyType.FRAGMENTATION_SUPPORTED,
            NotifyType.SIGNATURE_HASH_ALGORITHMS,
            NotifyType.REDIRECT_SUPPORTED);
  }

  @Test
  void decodesStrongSwansResponse() throws Exception {
    IkeMessage m = IkeMessage.decode(Hex.bytes(RESPONSE_HEX));

    assertThat(m.header().response()).isTrue();
    Proposal chosen = m.first(SaPayload.class).orElseThrow().proposals().get(0);
    assertThat(chosen.transforms())
        .extracting(Transform::toString)
        .containsExactly(
            "ENCR:ENCR_AES_CBC[KEY_LENGTH=128]", "INTEG:AUTH_HMAC_SHA2_256_128",
            "PRF:PRF_HMAC_SHA2_256", "KE:CURVE_25519");
    assertThat(m.payloads(NotifyPayload.class))
        .extracting(NotifyPayload::notifyType)
        .containsExactly(
            NotifyType.NAT_DETECTION_SOURCE_IP,
            NotifyType.NAT_DETECTION_DESTINATION_IP,
            NotifyType.FRAGMENTATION_SUPPORTED,
            NotifyType.SIGNATURE_HASH_ALGORITHMS,
            NotifyType.CHILDLESS_IKEV2_SUPPORTED,
            NotifyType.MULTIPLE_AUTH_SUPPORTED);
    assertThat(m.notify(NotifyType.SIGNATURE_HASH_ALGORITHMS).orElseThrow().data())
        .isEqualTo(Hex.bytes("0002 0003 0004 0005"));
  }

  @Test
  void reencodesBothMessagesToTheCapturedOctets() throws Exception {
    for (String hex : List.of(REQUEST_HEX, RESPONSE_HEX)) {
      assertThat(Hex.hex(IkeMessage.decode(Hex.bytes(hex)).encode())).isEqualTo(Hex.normalize(hex));
    }
  }
}
