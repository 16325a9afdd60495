package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 PRF and the RFC 5216 key material. Expected values computed with python3:
 * {@code P_hash} as in RFC 5246 §5 with {@code hmac.new(secret, a, hashlib.sha256)}.
 */
class TlsKeyMaterialTest {

  private static final HexFormat HEX = HexFormat.of();
  /** TLS 1.2 PRF (SHA-256) test vector circulated on the IETF TLS list; re-computed. */
  private static final String PRF_SECRET_HEX = "9bbe436ba940f017b17652849a71db35";
  private static final String PRF_SEED_HEX = "a0ba9f936cda311827a6f796ffd5198c";
  private static final String PRF_OUTPUT_HEX = "e3f229ba727be17b8d122620557cd453c2aab21d07c3d4"
      + "95329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab4fb"
      + "c91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66";
  /** master = bytes(range(48)), client random = bytes(range(32)), server = range(100, 132). */
  private static final String EAP_MATERIAL_SHA256_HEX = "20f792ede5f3e92d38cb37bc47a66c8bfe74db"
      + "cd0a736e02e834c48bde789d5f3571b12dc6aa35d17481474a01dbdd93de48e3d2d0abcfcebd39e17cb637"
      + "e8ba774b41bb7e6960ecac93e46d393c8af568c9c1c75072e171399c29fa54749adf11a7fbed0486247bd2"
      + "d19b849e51e9521179c043c8012f9c674265a827832658";
  /** The same inputs with a SHA-384 cipher suite. */
  private static final String EAP_MATERIAL_SHA384_PREFIX_HEX = "0418fd415e3258d823267d423aade0ad";

  private static byte[] range(int from, int to) {
    byte[] b = new byte[to - from];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  @Test
  void prfMatchesPublishedVector() throws Exception {
    byte[] label = "test label".getBytes(StandardCharsets.US_ASCII);
    byte[] seed = HEX.parseHex(PRF_SEED_HEX);
    byte[] all = new byte[label.length + seed.length];
    System.arraycopy(label, 0, all, 0, label.length);
    System.arraycopy(seed, 0, all, label.length, seed.length);
    assertThat(HEX.formatHex(TlsKeyMaterial.pHash("HmacSHA256", HEX.parseHex(PRF_SECRET_HEX),
        all, 100))).isEqualTo(PRF_OUTPUT_HEX);
  }

  @Test
  void eapKeyMaterialUsesLabelAndBothRandomsWithTheSuiteHash() throws Exception {
    byte[] sha256 = TlsKeyMaterial.fromMasterSecret(range(0, 48), range(0, 32),
        range(100, 132), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    assertThat(HEX.formatHex(sha256)).isEqualTo(EAP_MATERIAL_SHA256_HEX);
    byte[] sha384 = TlsKeyMaterial.fromMasterSecret(range(0, 48), range(0, 32),
        range(100, 132), "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assertThat(HEX.formatHex(sha384)).startsWith(EAP_MATERIAL_SHA384_PREFIX_HEX).hasSize(256);
  }

  @Test
  void findsHelloRandomsInRecords() {
    // A record with an alert, then a handshake record holding a ServerHello.
    String alert = "1503030002" + "0100";
    String serverHello = "16030300" + "26" + "02000022" + "0303" + "11".repeat(32);
    byte[] records = HEX.parseHex(alert + serverHello);
    assertThat(TlsHello.random(records, TlsHello.SERVER_HELLO)).containsOnly(0x11);
    assertThat(TlsHello.random(records, TlsHello.CLIENT_HELLO)).isNull();
    assertThat(TlsHello.random(HEX.parseHex("16030300ff02"), TlsHello.SERVER_HELLO)).isNull();
  }
}
