package dev.fulmar.core.esp;

import static dev.fulmar.core.esp.EspTestSupport.HEX;
import static dev.fulmar.core.esp.EspTestSupport.PEER;
import static dev.fulmar.core.esp.EspTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.TrafficSelector;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the AEAD transforms. RFC 4106 publishes no vectors; the AES-GCM cases are
 * those of draft-mcgrew-gcm-test-01 §4 ("Test Cases for the use of GCM and GMAC in IPsec ESP"),
 * named by SPI and sequence number. ChaCha20-Poly1305 is RFC 7634 Appendix A. Each case is
 * decoded (the draft's plaintexts end in next header 1, so they are opened as transport-mode
 * payloads) and encoded again with the case's explicit IV, which must give the same packet bytes.
 */
class EspKnownAnswerTest {

  /** One published case: key||salt, SPI, sequence number, IV, plaintext (with trailer), packet. */
  record Case(String name, String keySalt, int spi, long seq, boolean esn, String iv,
      String plaintext, String packetAfterHeader, EspTransform transform, EspMode mode) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** draft-mcgrew-gcm-test-01 §4: AES-128, SPI 0x0000a5f8, seq 0x0a. */
  static final String GCM_A5F8_KEY = "feffe9928665731c6d6a8f9467308308" + "cafebabe";
  static final String GCM_A5F8_PLAIN = "4500003e698f000080114dccc0a80102c0a801010a980035002a2343"
      + "b2d001000001000000000000037369700963796265726369747902646b00000100010001";
  static final String GCM_A5F8_CT = "deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d"
      + "2a5c3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd183b70d3aa8bc6ee4c309"
      + "e9d85a41ad4a";

  /** draft-mcgrew-gcm-test-01 §4: AES-256, SPI 0x4a2cbfe3, seq 2. */
  static final String GCM_4A2C_KEY = "abbccddef00112233445566778899aab"
      + "abbccddef00112233445566778899aab" + "11223344";
  static final String GCM_4A2C_PLAIN = "4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee0"
      + "000000007002400020bf0000020405b40101040201020201";
  static final String GCM_4A2C_CT = "ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5"
      + "d763748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c4915956c96";

  /** draft-mcgrew-gcm-test-01 §4: AES-128 all-zero key, SPI 0, seq 1 (opened by a raw SA). */
  static final String GCM_ZERO_KEY = "00000000000000000000000000000000" + "00000000";
  static final String GCM_ZERO_PLAIN = "4500003c99c500008001cb7a40679318010101010800075c020044006"
      + "16263646566676869" + "6a6b6c6d6e6f707172737475767761626364656667686901020201";
  static final String GCM_ZERO_CT = "4688daf2f973a392732909c331d56d60f694abaa414b5e7ff5fdcdfff5e9"
      + "a284456476492719ffb64de7d9dca1e1d894bc3bd57873ed4d181d19d4d5c8c18af3f821d496eeb096e98ad2"
      + "b69e4799c71d";

  /** draft-mcgrew-gcm-test-01 §4: AES-192, SPI 0x0000a5f8, seq 0x0a. */
  static final String GCM_192_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c" + "cafebabe";
  static final String GCM_192_PLAIN = "45000028a4ad4000400678800a01038f0a010612802306b8cb712602dd"
      + "6bb03e501016d075680001";
  static final String GCM_192_CT = "a5b1f8066029aea40e598b8122de02420938b3ab33f828e687b8858b5bfbd"
      + "bd0315b27452144cc7795457b9652037f5318027b5b4cd7a636";

  /** draft-mcgrew-gcm-test-01 §4: AES-128 with ESN, SPI 0x4321, seq 0x8765432100000000. */
  static final String GCM_ESN_KEY = "4c80cdefbb5d10da906ac73c3613a634" + "2e443b68";
  static final String GCM_ESN_PLAIN = "45000048699a000080114db7c0a80102c0a801010a9bf15638d30100"
      + "0001000000000000045f736970045f756470037369700963796265726369747902646b000021000101020201";
  static final String GCM_ESN_CT = "fecf537e729d5b07dc30df528dd22b768d1b98736696a6fd348509fa13cea"
      + "c34cfa2436f14a3f3cf65925bf1f4a13c5d15b21e1884f5ff6247aeabb786b93bce61bc17d768fd973245901"
      + "8148f6cbe722fd04796562dfdb4";

  /** draft-mcgrew-gcm-test-01 §4: AES-256 with ESN, SPI 0x796b6963, seq 0xffffffffffffffff. */
  static final String GCM_ESN_MAX_KEY = "6c6567616c697a656d6172696a75616e61616e64646f6974626566"
      + "6f72656961" + "7475726e";
  static final String GCM_ESN_MAX_PLAIN = "45000030da3a00008001df3bc0a80005c0a800010800c6cd0200"
      + "070061626364" + "65666768696a6b6c6d6e6f707172737401020201";
  static final String GCM_ESN_MAX_CT = "f97ab2aa356d8edce17644ac8c78e25dd24dedbb29ebf1b64a274b39b4"
      + "9c3a864cd3d78ca4ae68a32b42458fb57dbe821dcc63b9d0937ba2945f669368661a329fb4c053";

  /** draft-mcgrew-gcm-test-01 §4: AES-128, SPI 0x335467ae, seq 0xffffffff, 4-byte payload. */
  static final String GCM_3354_KEY = "7d773d00c144c525ac619d18c84a3f47" + "d9664267";
  static final String GCM_3354_PLAIN = "01020201";
  static final String GCM_3354_CT = "437f866bcb3f699fe9b0822bac961c4504bef270";

  /** RFC 7634 Appendix A: ChaCha20-Poly1305 ESP example (tunnel mode, an ICMP echo inside). */
  static final String CHACHA_KEY = "808182838485868788898a8b8c8d8e8f"
      + "909192939495969798999a9b9c9d9e9f"
      + "a0a1a2a3";
  static final String CHACHA_PLAIN = "45000054a6f200004001e778c6336405c000020508005b7a3a080000553b"
      + "ec100007362708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e"
      + "2f303132333435363701020204";
  static final String CHACHA_CT = "24039428b97f417e3c13753a4f05087b67c352e6a7fab1b982d466ef407ae5"
      + "c614ee8099d52844eb61aa95dfab4c02f72aa71e7c4c4f64c9befe2facc638e8f3cbec163fac469b502773f6"
      + "fb94e664da9165b82829f641e076aaa8266b7fb0f7b11b369907e1ad43";

  static Stream<Case> cases() {
    EspTransform g128 = EspTransform.aesGcm16(128);
    EspTransform g192 = EspTransform.aesGcm16(192);
    EspTransform g256 = EspTransform.aesGcm16(256);
    EspMode tr = EspMode.TRANSPORT;
    return Stream.of(
        new Case("gcm128 spi a5f8", GCM_A5F8_KEY, 0xa5f8, 0x0a, false, "facedbaddecaf888",
            GCM_A5F8_PLAIN, GCM_A5F8_CT, g128, tr),
        new Case("gcm256 spi 4a2cbfe3", GCM_4A2C_KEY, 0x4a2cbfe3, 2, false, "0102030405060708",
            GCM_4A2C_PLAIN, GCM_4A2C_CT, g256, tr),
        new Case("gcm128 zero key", GCM_ZERO_KEY, 0, 1, false, "0000000000000000",
            GCM_ZERO_PLAIN, GCM_ZERO_CT, g128, tr),
        new Case("gcm192 spi a5f8", GCM_192_KEY, 0xa5f8, 0x0a, false, "facedbaddecaf888",
            GCM_192_PLAIN, GCM_192_CT, g192, tr),
        new Case("gcm128 esn", GCM_ESN_KEY, 0x4321, 0x8765432100000000L, true, "4956ed7e3b244cfe",
            GCM_ESN_PLAIN, GCM_ESN_CT, g128, tr),
        new Case("gcm256 esn max", GCM_ESN_MAX_KEY, 0x796b6963, -1L, true, "333021696765746d",
            GCM_ESN_MAX_PLAIN, GCM_ESN_MAX_CT, g256, tr),
        new Case("gcm128 spi 335467ae", GCM_3354_KEY, 0x335467ae, 0xffffffffL, false,
            "43457e9182443bc6", GCM_3354_PLAIN, GCM_3354_CT, g128, tr),
        new Case("rfc7634 appendix A", CHACHA_KEY, 0x01020304, 5, false, "1011121314151617",
            CHACHA_PLAIN, CHACHA_CT, EspTransform.chacha20Poly1305(), EspMode.TUNNEL));
  }

  private static EspSaPair pair(Case c) {
    byte[] key = hex(c.keySalt());
    return EspSaPair.builder().childSaId(1).spis(c.spi() == 0 ? 1 : c.spi(), c.spi() == 0 ? 1 :
            c.spi()).transform(c.transform()).mode(c.mode()).esn(c.esn())
        .inboundKeys(key, new byte[0]).outboundKeys(key.clone(), new byte[0])
        .localTs(List.of(TrafficSelector.all(false))).remoteTs(List.of(TrafficSelector.all(false)))
        .peer(PEER).build();
  }

  private static String expectedPacket(Case c) {
    return String.format("%08x%08x", c.spi(), (int) c.seq()) + c.iv() + c.packetAfterHeader();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void opensPublishedPacket(Case c) throws Exception {
    byte[] packet = hex(expectedPacket(c));
    EspSa sa = new EspSa(pair(c), EspSa.Direction.INBOUND, new ReplayWindow(1024, c.seq() - 1));
    if (c.spi() == 0) { // SPI 0 is reserved; the vector is still a valid test of the cipher
      EspCipher.putInt(packet, 0, 1);
    }
    EspPacket out = new EspPacket();

    boolean ok = sa.open(packet, 0, packet.length, out);
    if (c.spi() == 0) { // the ICV covers the SPI, so the rewritten SPI must fail authentication
      assertThat(ok).isFalse();
      assertThat(out.drop()).isEqualTo(DropReason.AUTH_FAILED);
      openWithRawCipher(c);
      return;
    }

    assertThat(ok).as("drop %s", out.drop()).isTrue();
    byte[] plain = hex(c.plaintext());
    int nextHeader = plain[plain.length - 1];
    int pad = plain[plain.length - 2];
    int payloadLen = plain.length - 2 - pad;
    assertThat(out.sequenceNumber()).isEqualTo(c.seq());
    assertThat(out.nextHeader()).isEqualTo(nextHeader);
    assertThat(HEX.formatHex(packet, out.offset(), out.offset() + out.length()))
        .isEqualTo(HEX.formatHex(plain, 0, payloadLen));
  }

  private static void openWithRawCipher(Case c) throws Exception {
    byte[] packet = hex(expectedPacket(c));
    EspCipher cipher = c.transform().newCipher(hex(c.keySalt()), new byte[0], false);
    int ctLen = packet.length - 16 - 16;
    assertThat(cipher.open(packet, 0, 16, ctLen, 0, false)).isTrue();
    assertThat(HEX.formatHex(packet, 16, 16 + ctLen)).isEqualTo(c.plaintext());
  }

  /** The cases an SA can be installed for (SPI 0 is reserved and is covered by the open test). */
  static Stream<Case> sealableCases() {
    return cases().filter(c -> c.spi() != 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sealableCases")
  void sealsToPublishedPacket(Case c) throws Exception {
    byte[] plain = hex(c.plaintext());
    int nextHeader = plain[plain.length - 1];
    int payloadLen = plain.length - 2 - plain[plain.length - 2];
    int headroom = 8 + c.transform().ivLength();
    byte[] buf = new byte[headroom + plain.length + 16];
    System.arraycopy(plain, 0, buf, headroom, payloadLen);
    EspSa sa = EspSa.outbound(pair(c));
    EspPacket out = new EspPacket();
    long seq = c.seq();

    assertThat(sa.sealAt(buf, headroom, payloadLen, nextHeader, seq, hex(c.iv()), out)).isTrue();

    assertThat(HEX.formatHex(Arrays.copyOfRange(buf, out.offset(), out.offset() + out.length())))
        .isEqualTo(expectedPacket(c));
  }
}
