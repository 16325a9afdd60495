package dev.fulmar.core.ike.eap;

import java.util.Arrays;

/**
 * Finds the random of a ClientHello or ServerHello in a stream of TLS records (RFC 5246 §6.2,
 * §7.4.1): record type 22 (handshake), then handshake type 1 or 2, a 3-octet length, the
 * 2-octet version and the 32-octet random. The hellos travel in clear.
 */
final class TlsHello {

  static final int CLIENT_HELLO = 1;
  static final int SERVER_HELLO = 2;

  private TlsHello() {}

  /** The random of the first hello of {@code handshakeType} in {@code records}, or null. */
  static byte[] random(byte[] records, int handshakeType) {
    int off = 0;
    while (off + 5 <= records.length) {
      int type = records[off] & 0xff;
      int len = ((records[off + 3] & 0xff) << 8) | (records[off + 4] & 0xff);
      int body = off + 5;
      if (body + len > records.length) {
        return null;
      }
      if (type == 22 && len >= 4 + 2 + 32 && (records[body] & 0xff) == handshakeType) {
        return Arrays.copyOfRange(records, body + 6, body + 38);
      }
      off = body + len;
    }
    return null;
  }
}
