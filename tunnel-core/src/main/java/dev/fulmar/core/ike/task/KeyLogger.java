package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.Role;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes SA keys, on request only, as records of Wireshark's {@code ikev2_decryption_table} and
 * {@code esp_sa} tables (the formats strongSwan's save-keys plugin writes), so a capture of this
 * session can be decrypted. With IKE_INTERMEDIATE the record holds the final keys, which protect
 * IKE_AUTH and everything after it.
 */
final class KeyLogger {
  private static final HexFormat HEX = HexFormat.of();

  /** Wireshark's IKEv2 encryption names (packet-isakmp.c). */
  private static final Map<Algorithm, String> IKE_ENCRYPTION = Map.of(
      Algorithm.AES_CBC_128, "AES-CBC-128 [RFC3602]",
      Algorithm.AES_CBC_256, "AES-CBC-256 [RFC3602]",
      Algorithm.AES_GCM_16_128, "AES-GCM-128 with 16 octet ICV [RFC5282]",
      Algorithm.AES_GCM_16_256, "AES-GCM-256 with 16 octet ICV [RFC5282]");

  private static final Map<Algorithm, String> IKE_INTEGRITY = Map.of(
      Algorithm.HMAC_SHA2_256_128, "HMAC_SHA2_256_128 [RFC4868]",
      Algorithm.HMAC_SHA2_384_192, "HMAC_SHA2_384_192 [RFC4868]",
      Algorithm.HMAC_SHA2_512_256, "HMAC_SHA2_512_256 [RFC4868]");

  /** Wireshark's ESP names (packet-esp.c). */
  private static final Map<Algorithm, String> ESP_ENCRYPTION = Map.of(
      Algorithm.AES_CBC_128, "AES-CBC [RFC3602]",
      Algorithm.AES_CBC_256, "AES-CBC [RFC3602]",
      Algorithm.AES_GCM_16_128, "AES-GCM with 16 octet ICV [RFC4106]",
      Algorithm.AES_GCM_16_256, "AES-GCM with 16 octet ICV [RFC4106]",
      Algorithm.CHACHA20_POLY1305, "ChaCha20 with Poly1305 [RFC7634]");

  private static final Map<Algorithm, String> ESP_INTEGRITY = Map.of(
      Algorithm.HMAC_SHA2_256_128, "HMAC-SHA-256-128 [RFC4868]",
      Algorithm.HMAC_SHA2_384_192, "HMAC-SHA-384-192 [RFC4868]",
      Algorithm.HMAC_SHA2_512_256, "HMAC-SHA-512-256 [RFC4868]");

  private KeyLogger() {}

  /** Logs the IKE SA's current keys, if a key log was asked for. */
  static void ikeSa(TaskContext ctx) {
    ctx.params.keyLog().ifPresent(sink -> {
      TaskContext.Negotiated r = ctx.result;
      String enc = IKE_ENCRYPTION.get(r.encryption);
      if (enc == null) {
        ctx.log.warn("key log: Wireshark cannot decrypt IKE with {}; IKE keys not logged",
            r.encryption);
        return;
      }
      String integ = r.integrity == null ? "NONE [RFC4306]" : IKE_INTEGRITY.get(r.integrity);
      sink.append(KeyLogSink.Table.IKEV2_DECRYPTION_TABLE,
          ikeRecord(ctx.sa.spiInitiator(), ctx.sa.spiResponder(), ctx.sa.keys().material(),
              enc, integ));
    });
  }

  static String ikeRecord(long spiI, long spiR, IkeSaKeys k, String enc, String integ) {
    byte[][] keys = {k.skEi(), k.skEr(), k.skAi(), k.skAr()};
    try {
      return String.format("%016x,%016x,%s,%s,\"%s\",%s,%s,\"%s\"", spiI, spiR,
          HEX.formatHex(keys[0]), HEX.formatHex(keys[1]), enc, HEX.formatHex(keys[2]),
          HEX.formatHex(keys[3]), integ);
    } finally {
      for (byte[] key : keys) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** Logs both directions of a CHILD SA, if a key log was asked for. */
  static void childSa(TaskContext ctx, Proposals.EspChoice choice, long inboundSpi,
      ChildSaKeys keys) {
    childSa(ctx, choice.encryption(), choice.integrity(), choice.gatewaySpi(), inboundSpi, keys,
        Role.INITIATOR);
  }

  /** Logs both directions of a CHILD SA created in an exchange where we had {@code role}. */
  static void childSa(TaskContext ctx, Algorithm encryption, Algorithm integrity,
      long outboundSpi, long inboundSpi, ChildSaKeys keys, Role role) {
    ctx.params.keyLog().ifPresent(sink -> {
      String enc = ESP_ENCRYPTION.get(encryption);
      String integ = integrity == null ? "NULL" : ESP_INTEGRITY.get(integrity);
      if (enc == null || integ == null) {
        ctx.log.warn("key log: Wireshark cannot decrypt ESP with {}; ESP keys not logged",
            encryption);
        return;
      }
      InetAddress local = ctx.hooks.localAddress().getAddress();
      InetAddress remote = ctx.hooks.remoteAddress().getAddress();
      sink.append(KeyLogSink.Table.ESP_SA, espRecord(local, remote, outboundSpi, enc,
          keys.outbound(role), integ));
      sink.append(KeyLogSink.Table.ESP_SA, espRecord(remote, local, inboundSpi, enc,
          keys.inbound(role), integ));
    });
  }

  static String espRecord(InetAddress src, InetAddress dst, long spi, String enc,
      ChildSaKeys.EspKeys k, String integ) {
    byte[] cipher = k.cipherKey();
    byte[] salt = k.salt();
    byte[] mac = k.integrityKey();
    try {
      return String.format("\"%s\",\"%s\",\"%s\",\"0x%08x\",\"%s\",\"0x%s%s\",\"%s\",\"%s\"",
          src instanceof Inet4Address ? "IPv4" : "IPv6", src.getHostAddress(),
          dst.getHostAddress(), spi, enc, HEX.formatHex(cipher), HEX.formatHex(salt), integ,
          mac.length == 0 ? "" : "0x" + HEX.formatHex(mac));
    } finally {
      Arrays.fill(cipher, (byte) 0);
      Arrays.fill(salt, (byte) 0);
      Arrays.fill(mac, (byte) 0);
    }
  }
}
