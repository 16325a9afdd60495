package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protected messages: SK sealing and opening through the SkCipher contract (RFC 7296 §3.14). */
class ProtectedMessageTest {

  static final IkeHeader IKE_AUTH_REQUEST =
      IkeHeader.request(0x0011223344556677L, 0x8899aabbccddeeffL, ExchangeType.IKE_AUTH, 1, true);

  /**
   * RFC 7296 §3.1 and §3.14: header and SK generic header of the IKE_AUTH request below, i.e. the
   * prefix the codec hands to seal and open. The inner chain has 174 octets, which the test cipher
   * seals into 8 (IV) + 176 (padded) + 16 (ICV) = 200; total length 28 + 4 + 200 = 232 (0xe8), SK
   * Payload Length 4 + 200 = 204 (0xcc); first inner payload IDi (0x23).
   */
  static final String IKE_AUTH_PREFIX_HEX =
      "0011223344556677 8899aabbccddeeff 2e 20 23 08 00000001 000000e8 | 23 00 00cc";

  /** {@code IKE_AUTH {IDi, AUTH, CP(CFG_REQUEST), SAi2, TSi, TSr, N(INITIAL_CONTACT)}}. */
  static IkeMessage ikeAuthRequest() throws Exception {
    return IkeMessage.protectedMessage(
        IKE_AUTH_REQUEST,
        List.of(
            IdPayload.fqdn(true, "client.example.com"),
            new AuthPayload(AuthMethod.SHARED_KEY_MIC, Hex.bytes(Hex.counting(0, 32))),
            ConfigPayload.request(
                ConfigAttributeType.INTERNAL_IP4_ADDRESS, ConfigAttributeType.INTERNAL_IP4_DNS),
            SaPayload.of(
                Proposal.esp(
                    1,
                    0xc0010203,
                    List.of(
                        Transform.encryption(EncryptionAlgorithm.AES_GCM_16, 256),
                        Transform.esn(ExtendedSequenceNumbers.NO_ESN)))),
            TsPayload.of(true, TrafficSelector.ipv4Any()),
            TsPayload.of(false, TrafficSelector.subnet(InetAddress.getByName("10.0.0.0"), 8)),
            NotifyPayload.of(NotifyType.INITIAL_CONTACT)));
  }

  @Test
  void protectedMessageRoundTrips() throws Exception {
    IkeMessage request = ikeAuthRequest();
    byte[] datagram = request.encode(new HmacXorSkCipher());

    IkeMessage decoded = IkeMessage.decodeProtected(datagram, new HmacXorSkCipher());

    assertThat(decoded).isEqualTo(request);
    assertThat(decoded.isEncrypted()).isTrue();
    assertThat(decoded.unprotectedPayloads()).isEmpty();
    assertThat(decoded.toString()).contains("SK{IDi(ID_FQDN, client.example.com), AUTH(");
  }

  @Test
  void sealAndOpenSeeHeaderAndSkHeaderAsPrefix() throws Exception {
    RecordingSkCipher sender = new RecordingSkCipher(new HmacXorSkCipher());
    RecordingSkCipher receiver = new RecordingSkCipher(new HmacXorSkCipher());
    byte[] datagram = ikeAuthRequest().encode(sender);
    IkeMessage.decodeProtected(datagram, receiver);

    assertThat(datagram).hasSize(0xe8);
    assertThat(sender.sealedPrefixes).hasSize(1);
    assertThat(Hex.hex(sender.sealedPrefixes.get(0))).isEqualTo(Hex.normalize(IKE_AUTH_PREFIX_HEX));
    assertThat(receiver.openedPrefixes).containsExactlyElementsOf(sender.sealedPrefixes);
  }

  @Test
  void wireViewOfAProtectedMessageHasAnOpaqueSkPayload() throws Exception {
    byte[] datagram = ikeAuthRequest().encode(new HmacXorSkCipher());

    IkeMessage wire = IkeMessage.decode(datagram);

    assertThat(wire.isEncrypted()).isFalse();
    EncryptedPayload sk = (EncryptedPayload) wire.payloads().get(0);
    assertThat(sk.firstInnerType()).isEqualTo(PayloadType.IDI);
    assertThat(sk.body()).hasSize(datagram.length - 32);
  }

  @Test
  void emptyInformationalRoundTrips() throws Exception {
    IkeMessage dpd =
        IkeMessage.protectedMessage(
            IkeHeader.request(1, 2, ExchangeType.INFORMATIONAL, 5, true), List.of());
    byte[] datagram = dpd.encode(new HmacXorSkCipher());

    assertThat(datagram[28]).isZero(); // SK's Next Payload: no inner payload
    assertThat(IkeMessage.decodeProtected(datagram, new HmacXorSkCipher())).isEqualTo(dpd);
  }

  @Test
  void unprotectedPayloadsTravelInFrontOfSk() throws Exception {
    IkeMessage m =
        IkeMessage.protectedMessage(
            IKE_AUTH_REQUEST,
            List.of(new VendorIdPayload(Hex.bytes("0102"))),
            List.of(NotifyPayload.of(NotifyType.INITIAL_CONTACT)));
    byte[] datagram = m.encode(new HmacXorSkCipher());

    IkeMessage decoded = IkeMessage.decodeProtected(datagram, new HmacXorSkCipher());
    assertThat(decoded).isEqualTo(m);
    assertThat(decoded.unprotectedPayloads())
        .containsExactly(new VendorIdPayload(Hex.bytes("0102")));
    assertThat(decoded.toString()).contains("V(0102), SK{N(INITIAL_CONTACT)}");
  }

  @Test
  void rejectsTamperedHeader() throws Exception {
    byte[] datagram = ikeAuthRequest().encode(new HmacXorSkCipher());
    datagram[23] ^= 1; // message ID

    assertThatThrownBy(() -> IkeMessage.decodeProtected(datagram, new HmacXorSkCipher()))
        .isInstanceOf(IntegrityCheckFailedException.class)
        .hasMessageContaining("SK payload of IKE_AUTH request #0")
        .hasMessageContaining("did not verify");
  }

  @Test
  void rejectsTamperedCiphertextAndWrongKey() throws Exception {
    byte[] datagram = ikeAuthRequest().encode(new HmacXorSkCipher());
    byte[] tampered = datagram.clone();
    tampered[60] ^= 0x40;

    assertThatThrownBy(() -> IkeMessage.decodeProtected(tampered, new HmacXorSkCipher()))
        .isInstanceOf(IntegrityCheckFailedException.class);
    assertThatThrownBy(
            () -> IkeMessage.decodeProtected(datagram, new HmacXorSkCipher(new byte[] {9})))
        .isInstanceOf(IntegrityCheckFailedException.class);
  }

  @Test
  void rejectsSkBodyTooShortForTheCipher() throws Exception {
    byte[] datagram =
        Hex.bytes(
            "0011223344556677 8899aabbccddeeff 2e 20 23 08 00000001 00000024"
                + "23 00 0008 aabbccdd");
    assertThatThrownBy(() -> IkeMessage.decodeProtected(datagram, new HmacXorSkCipher()))
        .isInstanceOf(IntegrityCheckFailedException.class)
        .hasMessage("SK payload body of 4 octets is shorter than the 32 the cipher needs");
  }

  @Test
  void rejectsUnprotectedMessageWhereProtectionIsExpected() {
    byte[] init = Hex.bytes(IkeSaInitTest.REQUEST_HEX);
    assertThatThrownBy(() -> IkeMessage.decodeProtected(init, new HmacXorSkCipher()))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("expected an Encrypted (SK) payload, found none");
  }

  @Test
  void encodingChecksTheKindOfMessage() throws Exception {
    assertThatThrownBy(() -> ikeAuthRequest().encode()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IkeSaInitTest.request().encode(new HmacXorSkCipher()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IkeSaInitTest.request().intAuthOctets())
        .isInstanceOf(IllegalStateException.class);
  }
}
