package dev.fulmar.core.esp;

import dev.fulmar.core.api.TrafficSelector;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;

/** Builders shared by the ESP tests. */
final class EspTestSupport {
  static final HexFormat HEX = HexFormat.of();
  static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.1", 4500);
  static final int HEADROOM = 64;

  private EspTestSupport() {}

  static byte[] hex(String s) {
    return HEX.parseHex(s.replaceAll("\\s", ""));
  }

  /** A pair whose two directions share keys and SPI, so one host can seal and open its packets. */
  static EspSaPair.Builder loopPair(EspTransform t, int spi, EspMode mode, boolean esn) {
    byte[] enc = new byte[t.encryptionKeyLength()];
    byte[] integ = new byte[t.integrityKeyLength()];
    for (int i = 0; i < enc.length; i++) {
      enc[i] = (byte) (i * 7 + 1);
    }
    for (int i = 0; i < integ.length; i++) {
      integ[i] = (byte) (i * 13 + 5);
    }
    return EspSaPair.builder()
        .childSaId(spi)
        .spis(spi, spi)
        .transform(t)
        .mode(mode)
        .esn(esn)
        .inboundKeys(enc, integ)
        .outboundKeys(enc.clone(), integ.clone())
        .localTs(List.of(TrafficSelector.all(false), TrafficSelector.all(true)))
        .remoteTs(List.of(TrafficSelector.all(false), TrafficSelector.all(true)))
        .peer(PEER);
  }

  static List<EspTransform> allTransforms() {
    return List.of(
        EspTransform.aesGcm16(128),
        EspTransform.aesGcm16(256),
        EspTransform.chacha20Poly1305(),
        EspTransform.aesCbc(128, EspIntegrity.HMAC_SHA2_256_128),
        EspTransform.aesCbc(256, EspIntegrity.HMAC_SHA2_384_192),
        EspTransform.aesCbc(256, EspIntegrity.HMAC_SHA2_512_256));
  }

  /** A minimal IPv4/UDP packet of {@code len} bytes from 10.0.0.2 to 198.51.100.7. */
  static byte[] ipv4Packet(int len, int seed) {
    byte[] p = new byte[len];
    p[0] = 0x45;
    p[2] = (byte) (len >>> 8);
    p[3] = (byte) len;
    p[8] = 64;
    p[9] = 17;
    p[12] = 10;
    p[15] = 2;
    p[16] = (byte) 198;
    p[17] = 51;
    p[18] = 100;
    p[19] = 7;
    for (int i = 20; i < len; i++) {
      p[i] = (byte) (i * 31 + seed);
    }
    return p;
  }

  /** {@code payload} copied into a fresh array at {@link #HEADROOM} with 64 bytes tailroom. */
  static byte[] withRoom(byte[] payload) {
    byte[] buf = new byte[HEADROOM + payload.length + 64];
    System.arraycopy(payload, 0, buf, HEADROOM, payload.length);
    return buf;
  }
}
