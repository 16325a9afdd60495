package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;

/**
 * AH (RFC 4302) in transport mode for host-to-host profiles, with HMAC-SHA2 ICVs (RFC 4868). The
 * ICV covers the IP header with its mutable fields zeroed (IPv4: TOS, flags/fragment offset, TTL,
 * checksum; IPv6: traffic class, flow label, hop limit), the AH header with a zero ICV, the
 * payload and the implicit ESN high half. IPv4 options and IPv6 extension headers are refused.
 * One instance is one SA in one direction; calls are serialised.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | Next Header   |  Payload Len  |          RESERVED             |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Security Parameters Index (SPI)               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Sequence Number Field                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                Integrity Check Value-ICV (variable)           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>No lab peer runs AH: strongSwan's userspace ESP (kernel-libipsec) has no AH, and AH cannot
 * cross NAT, so the data path does not carry it; this codec is covered by known answers only.
 */
public final class AhCodec {
  private static final int FIXED = 12;

  private final int spi;
  private final boolean esn;
  private final TruncatedHmac mac;
  private final ReplayWindow window;
  private final DropCounters counters = new DropCounters();
  private final byte[] header = new byte[40];
  private final byte[] icv = new byte[32];
  private long nextSeq = 1;
  private boolean destroyed;

  private AhCodec(int spi, EspIntegrity integrity, byte[] key, boolean esn, ReplayWindow w)
      throws GeneralSecurityException {
    if (key.length != integrity.keyLength()) {
      throw new IllegalArgumentException("AH key must be " + integrity.keyLength() + " bytes");
    }
    this.spi = spi;
    this.esn = esn;
    this.mac = new TruncatedHmac(integrity, key);
    this.window = w;
  }

  /** The sending side of an AH SA. */
  public static AhCodec outbound(int spi, EspIntegrity integrity, byte[] key, boolean esn)
      throws GeneralSecurityException {
    return new AhCodec(spi, integrity, key, esn, null);
  }

  /** The receiving side of an AH SA, with an anti-replay window of {@code window} packets. */
  public static AhCodec inbound(int spi, EspIntegrity integrity, byte[] key, boolean esn,
      int window) throws GeneralSecurityException {
    return new AhCodec(spi, integrity, key, esn, new ReplayWindow(window));
  }

  /** Sets the next outbound sequence number (known-answer tests). */
  synchronized void setNextSequenceNumber(long seq) {
    nextSeq = seq;
  }

  /** An inbound codec with a prepared window (known-answer tests). */
  static AhCodec inbound(int spi, EspIntegrity integrity, byte[] key, boolean esn,
      ReplayWindow window) throws GeneralSecurityException {
    return new AhCodec(spi, integrity, key, esn, window);
  }

  /** AH header length for the packet's IP version (ICV padded to 4 / 8 bytes). */
  int ahLength(boolean v6) {
    int raw = FIXED + mac.icvLength();
    int align = v6 ? 8 : 4;
    return (raw + align - 1) / align * align;
  }

  public DropCounters counters() {
    return counters;
  }

  private static boolean isIpv6(byte[] b, int off) {
    return (b[off] & 0xF0) == 0x60;
  }

  /** Header length if the packet is a plain IPv4 (no options) or IPv6 header, else -1. */
  private static int plainHeaderLength(byte[] b, int off, int len) {
    if (len >= 20 && (b[off] & 0xFF) == 0x45 && u16(b, off + 2) == len) {
      return 20;
    }
    if (len >= 40 && isIpv6(b, off) && u16(b, off + 4) + 40 == len) {
      int nh = b[off + 6] & 0xFF;
      return nh == 0 || nh == 43 || nh == 44 || nh == 60 ? -1 : 40;
    }
    return -1;
  }

  /**
   * Inserts AH after the IP header of {@code buf[off, off+len)}; the header moves into the
   * headroom in front of {@code off}.
   */
  public synchronized boolean protect(byte[] buf, int off, int len, EspPacket out) {
    int ihl = plainHeaderLength(buf, off, len);
    if (destroyed || ihl < 0) {
      return fail(out, destroyed ? DropReason.SA_DELETED : DropReason.BAD_INNER_PACKET);
    }
    boolean v6 = ihl == 40;
    int ahLen = ahLength(v6);
    int p = off - ahLen;
    if (window != null) {
      throw new IllegalStateException("protect on an inbound AH SA");
    }
    if (p < 0) {
      return fail(out, DropReason.NO_BUFFER_SPACE);
    }
    long seq = nextSeq;
    System.arraycopy(buf, off, buf, p, ihl);
    int ah = p + ihl;
    java.util.Arrays.fill(buf, ah, ah + ahLen, (byte) 0);
    buf[ah] = buf[p + (v6 ? 6 : 9)];
    buf[ah + 1] = (byte) (ahLen / 4 - 2);
    EspCipher.putInt(buf, ah + 4, spi);
    EspCipher.putInt(buf, ah + 8, (int) seq);
    buf[p + (v6 ? 6 : 9)] = (byte) EspSpec.PROTO_AH;
    put16(buf, v6 ? p + 4 : p + 2, u16(buf, v6 ? p + 4 : p + 2) + ahLen);
    computeIcv(buf, p, ihl, len + ahLen, seq, buf, ah + FIXED);
    if (!v6) {
      ipv4Checksum(buf, p);
    }
    nextSeq = seq + 1;
    counters.countPacket(len);
    out.nextHeader = EspSpec.PROTO_AH;
    out.sequenceNumber = seq;
    return out.ok(p, len + ahLen);
  }

  /**
   * Verifies and removes AH from {@code buf[off, off+len)}; never throws on malformed input.
   * The unprotected packet is returned at {@code out.offset()}.
   */
  public synchronized boolean verify(byte[] buf, int off, int len, EspPacket out) {
    int ihl = len >= 20 && (buf[off] & 0xFF) == 0x45 ? 20 : len >= 40 && isIpv6(buf, off) ? 40 : -1;
    if (window == null) {
      throw new IllegalStateException("verify on an outbound AH SA");
    }
    if (destroyed || ihl < 0) {
      return fail(out, destroyed ? DropReason.SA_DELETED : DropReason.BAD_INNER_PACKET);
    }
    boolean v6 = ihl == 40;
    int ah = off + ihl;
    int ahLen = ahLength(v6);
    DropReason bad = checkHeaders(buf, off, len, ihl, ahLen);
    if (bad != null) {
      return fail(out, bad);
    }
    int seqLow = EspCipher.getInt(buf, ah + 8);
    long seq = esn ? window.inferEsn(seqLow) : seqLow & 0xFFFF_FFFFL;
    DropReason replay = window.check(seq);
    if (replay != null) {
      return fail(out, replay);
    }
    int icvLen = mac.icvLength();
    System.arraycopy(buf, ah + FIXED, icv, 0, icvLen);
    java.util.Arrays.fill(buf, ah + FIXED, ah + FIXED + icvLen, (byte) 0);
    computeIcv(buf, off, ihl, len, seq, header, 0);
    if (!EspCipher.constantTimeEquals(header, 0, icv, 0, icvLen)) {
      return fail(out, DropReason.AUTH_FAILED);
    }
    window.commit(seq);
    int nextHeader = buf[ah] & 0xFF;
    buf[off + (v6 ? 6 : 9)] = (byte) nextHeader;
    put16(buf, v6 ? off + 4 : off + 2, u16(buf, v6 ? off + 4 : off + 2) - ahLen);
    System.arraycopy(buf, off, buf, off + ahLen, ihl);
    if (!v6) {
      ipv4Checksum(buf, off + ahLen);
    }
    counters.countPacket(len - ihl - ahLen);
    out.nextHeader = nextHeader;
    out.sequenceNumber = seq;
    return out.ok(off + ahLen, len - ahLen);
  }

  /** Null if the IP and AH headers are consistent and name this SA, else why not. */
  private DropReason checkHeaders(byte[] buf, int off, int len, int ihl, int ahLen) {
    boolean v6 = ihl == 40;
    int ah = off + ihl;
    if ((buf[off + (v6 ? 6 : 9)] & 0xFF) != EspSpec.PROTO_AH || len < ihl + ahLen
        || (buf[ah + 1] & 0xFF) != ahLen / 4 - 2
        || u16(buf, v6 ? off + 4 : off + 2) != (v6 ? len - 40 : len)) {
      return DropReason.TRUNCATED;
    }
    return EspCipher.getInt(buf, ah + 4) != spi ? DropReason.UNKNOWN_SPI : null;
  }

  /** ICV over the header (mutable fields zeroed, in a scratch copy), AH and payload. */
  private void computeIcv(byte[] buf, int p, int ihl, int len, long seq, byte[] dst, int dstOff) {
    System.arraycopy(buf, p, header, 0, ihl);
    if (ihl == 20) {
      header[1] = 0;
      header[6] = 0;
      header[7] = 0;
      header[8] = 0;
      header[10] = 0;
      header[11] = 0;
    } else {
      header[0] &= (byte) 0xF0;
      header[1] = 0;
      header[2] = 0;
      header[3] = 0;
      header[7] = 0;
    }
    mac.update(header, 0, ihl);
    mac.update(buf, p + ihl, len - ihl);
    mac.finish((int) (seq >>> 32), esn, dst, dstOff);
  }

  private boolean fail(EspPacket out, DropReason reason) {
    counters.countDrop(reason);
    return out.fail(reason);
  }

  private static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  private static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  private static void ipv4Checksum(byte[] b, int off) {
    put16(b, off + 10, 0);
    long s = 0;
    for (int i = 0; i < 20; i += 2) {
      s += u16(b, off + i);
    }
    while ((s >>> 16) != 0) {
      s = (s & 0xFFFF) + (s >>> 16);
    }
    put16(b, off + 10, (int) (~s & 0xFFFF));
  }

  /** Wipes the key. */
  public synchronized void destroy() {
    destroyed = true;
    mac.destroy();
  }
}
