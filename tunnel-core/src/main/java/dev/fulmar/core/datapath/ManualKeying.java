package dev.fulmar.core.datapath;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspIntegrity;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Manually keyed SAs for the data-path benchmark between two Fulmar hosts (benchmark 3 of the
 * data-path issue): a test mode that never starts from a profile or runs IKE. The keys come from
 * a properties file (never from the command line):
 *
 * <pre>
 *  transform = aes128gcm16 | aes256gcm16 | chacha20poly1305 | aes128-sha256 | aes256-sha384 | ...
 *  spi.in    = 0xc0000001          spi.out = 0xc0000002
 *  key.in    = hex (encryption key [+ salt], then integrity key)
 *  key.out   = hex
 *  local.ts  = 192.0.2.10/32       remote.ts = 198.51.100.0/24   (comma-separated CIDRs)
 *  peer      = 203.0.113.1:4500
 *  esn       = false               mode = tunnel | transport
 * </pre>
 *
 * <p>The other host uses the same file with {@link #mirrored()}: SPIs, keys and selectors
 * swapped, and its own {@code peer}.
 */
public final class ManualKeying {
  private final Properties props;

  private ManualKeying(Properties props) {
    this.props = props;
  }

  /** Reads the settings; {@link #toPair()} validates them. */
  public static ManualKeying of(Properties props) {
    return new ManualKeying((Properties) props.clone());
  }

  /** The same SA pair seen from the other host (peer address given separately). */
  public ManualKeying mirrored(String peer) {
    Properties p = (Properties) props.clone();
    swap(p, "spi.in", "spi.out");
    swap(p, "key.in", "key.out");
    swap(p, "local.ts", "remote.ts");
    p.setProperty("peer", peer);
    return new ManualKeying(p);
  }

  private static void swap(Properties p, String a, String b) {
    String va = p.getProperty(a);
    String vb = p.getProperty(b);
    p.setProperty(a, vb == null ? "" : vb);
    p.setProperty(b, va == null ? "" : va);
  }

  /** Builds the pair; errors name the property that is wrong. */
  public EspSaPair toPair() {
    EspTransform t = transform(required("transform"));
    byte[] in = key("key.in", t);
    byte[] out = key("key.out", t);
    int e = t.encryptionKeyLength();
    try {
      return EspSaPair.builder().childSaId(1)
          .spis(spi("spi.in"), spi("spi.out"))
          .transform(t)
          .mode(mode())
          .esn(Boolean.parseBoolean(props.getProperty("esn", "false").trim()))
          .inboundKeys(java.util.Arrays.copyOf(in, e), java.util.Arrays.copyOfRange(in, e,
              in.length))
          .outboundKeys(java.util.Arrays.copyOf(out, e), java.util.Arrays.copyOfRange(out, e,
              out.length))
          .localTs(selectors("local.ts"))
          .remoteTs(selectors("remote.ts"))
          .peer(peer())
          .build();
    } finally {
      java.util.Arrays.fill(in, (byte) 0);
      java.util.Arrays.fill(out, (byte) 0);
    }
  }

  private String required(String name) {
    String v = props.getProperty(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + ": missing");
    }
    return v.trim();
  }

  static EspTransform transform(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    switch (n) {
      case "aes128gcm16": return EspTransform.aesGcm16(128);
      case "aes192gcm16": return EspTransform.aesGcm16(192);
      case "aes256gcm16": return EspTransform.aesGcm16(256);
      case "chacha20poly1305": return EspTransform.chacha20Poly1305();
      default: break;
    }
    String[] parts = n.split("-");
    if (parts.length == 2 && parts[0].matches("aes(128|192|256)")) {
      int bits = Integer.parseInt(parts[0].substring(3));
      switch (parts[1]) {
        case "sha256": return EspTransform.aesCbc(bits, EspIntegrity.HMAC_SHA2_256_128);
        case "sha384": return EspTransform.aesCbc(bits, EspIntegrity.HMAC_SHA2_384_192);
        case "sha512": return EspTransform.aesCbc(bits, EspIntegrity.HMAC_SHA2_512_256);
        default: break;
      }
    }
    throw new IllegalArgumentException("transform: unknown or refused ESP transform '" + name
        + "' (use aes128gcm16, aes256gcm16, chacha20poly1305, aes128-sha256, aes256-sha512...)");
  }

  private byte[] key(String name, EspTransform t) {
    byte[] k;
    try {
      k = HexFormat.of().parseHex(required(name).replaceAll("[\\s:]", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": not hex", e);
    }
    int want = t.encryptionKeyLength() + t.integrityKeyLength();
    if (k.length != want) {
      java.util.Arrays.fill(k, (byte) 0);
      throw new IllegalArgumentException(name + ": " + t + " needs " + want + " key bytes, got "
          + k.length);
    }
    return k;
  }

  private int spi(String name) {
    String v = required(name).toLowerCase(Locale.ROOT);
    try {
      long spi = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
      if (spi < 256 || spi > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(name + ": SPI must be in 256..0xffffffff");
      }
      return (int) spi;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a number: " + v, e);
    }
  }

  private EspMode mode() {
    String m = props.getProperty("mode", "tunnel").trim().toLowerCase(Locale.ROOT);
    if (!m.equals("tunnel") && !m.equals("transport")) {
      throw new IllegalArgumentException("mode: must be tunnel or transport, got " + m);
    }
    return m.equals("tunnel") ? EspMode.TUNNEL : EspMode.TRANSPORT;
  }

  private List<TrafficSelector> selectors(String name) {
    List<TrafficSelector> list = new ArrayList<>();
    for (String cidr : required(name).split(",")) {
      try {
        list.add(TrafficSelector.subnet(cidr.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
    return list;
  }

  private InetSocketAddress peer() {
    String v = required("peer");
    int colon = v.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("peer: expected address:port, got " + v);
    }
    String host = v.substring(0, colon).replace("[", "").replace("]", "");
    try {
      TrafficSelector.subnet(host + (host.contains(":") ? "/128" : "/32"));
      return new InetSocketAddress(host, Integer.parseInt(v.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("peer: expected an IP literal and port, got " + v, e);
    }
  }
}
