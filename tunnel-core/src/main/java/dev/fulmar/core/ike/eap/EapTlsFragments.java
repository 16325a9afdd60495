package dev.fulmar.core.ike.eap;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * EAP-TLS framing (RFC 5216 §3.1): the Flags octet, the optional 4-octet TLS Message Length and
 * the TLS data, with fragmentation both ways.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |L M S R R R R R|   L = length included, M = more fragments, S = EAP-TLS start
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     TLS Message Length (4 octets, only with L)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     TLS Data...
 * </pre>
 *
 * <p>Outgoing messages are cut into fragments of at most {@code maxFragment} TLS octets; the
 * first of several carries L and M, the following M until the last. Incoming fragments are
 * reassembled up to {@link #MAX_MESSAGE} octets; a fragment with M is acknowledged with an empty
 * message (Flags 0).
 */
final class EapTlsFragments {

  static final int FLAG_L = 0x80;
  static final int FLAG_M = 0x40;
  static final int FLAG_S = 0x20;
  /** The largest TLS message accepted from the gateway (certificate chains included). */
  static final int MAX_MESSAGE = 256 * 1024;

  private final int maxFragment;
  private final ByteArrayOutputStream inbound = new ByteArrayOutputStream();
  private long announced = -1;
  private byte[] outbound = new byte[0];
  private int sent;

  EapTlsFragments(int maxFragment) {
    if (maxFragment < 64) {
      throw new IllegalArgumentException("EAP-TLS fragment size too small: " + maxFragment);
    }
    this.maxFragment = maxFragment;
  }

  /** The flags of a request's type data. */
  static int flags(byte[] td) throws EapFormatException {
    if (td.length < 1) {
      throw new EapFormatException("EAP-TLS message without its Flags octet");
    }
    return td[0] & 0xff;
  }

  /**
   * Adds an incoming fragment; returns the whole TLS message once the last fragment arrived,
   * or {@code null} if more fragments follow.
   */
  byte[] accept(byte[] td) throws EapFormatException {
    int flags = flags(td);
    int off = 1;
    if ((flags & FLAG_L) != 0) {
      if (td.length < 5) {
        throw new EapFormatException("EAP-TLS L flag set but the TLS Message Length at offset 1"
            + " is missing");
      }
      long len = ((long) (td[1] & 0xff) << 24) | ((td[2] & 0xff) << 16) | ((td[3] & 0xff) << 8)
          | (td[4] & 0xff);
      if (len > MAX_MESSAGE) {
        throw new EapFormatException("EAP-TLS message of " + len + " bytes exceeds the limit of "
            + MAX_MESSAGE);
      }
      if (inbound.size() == 0) {
        announced = len;
      }
      off = 5;
    }
    inbound.write(td, off, td.length - off);
    if (inbound.size() > MAX_MESSAGE || (announced >= 0 && inbound.size() > announced)) {
      throw new EapFormatException("EAP-TLS fragments add up to more than the "
          + (announced >= 0 ? announced + " bytes announced" : MAX_MESSAGE + " bytes allowed"));
    }
    if ((flags & FLAG_M) != 0) {
      return null;
    }
    if (announced >= 0 && inbound.size() != announced) {
      throw new EapFormatException("EAP-TLS message ended after " + inbound.size()
          + " of the " + announced + " bytes announced");
    }
    byte[] message = inbound.toByteArray();
    inbound.reset();
    announced = -1;
    return message;
  }

  /** Whether a received message is still being reassembled. */
  boolean receiving() {
    return inbound.size() > 0;
  }

  /** Queues a TLS message to send. */
  void send(byte[] message) {
    outbound = message.clone();
    sent = 0;
  }

  /** Whether fragments of the queued message remain to be sent. */
  boolean sending() {
    return sent < outbound.length;
  }

  /** The type data of the next fragment to send. */
  byte[] nextFragment() {
    int n = Math.min(maxFragment, outbound.length - sent);
    boolean first = sent == 0;
    boolean more = sent + n < outbound.length;
    boolean withLength = first && more;
    byte[] td = new byte[1 + (withLength ? 4 : 0) + n];
    td[0] = (byte) ((withLength ? FLAG_L : 0) | (more ? FLAG_M : 0));
    int off = 1;
    if (withLength) {
      int len = outbound.length;
      td[1] = (byte) (len >>> 24);
      td[2] = (byte) (len >>> 16);
      td[3] = (byte) (len >>> 8);
      td[4] = (byte) len;
      off = 5;
    }
    System.arraycopy(outbound, sent, td, off, n);
    sent += n;
    if (!more) {
      Arrays.fill(outbound, (byte) 0);
      outbound = new byte[0];
      sent = 0;
    }
    return td;
  }

  /** An empty message (Flags 0): the acknowledgement of a fragment. */
  static byte[] ack() {
    return new byte[] {0};
  }
}
