package dev.fulmar.core.esp;

import dev.fulmar.core.api.TrafficSelector;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * One ESP security association in one direction (RFC 4303): SPI, transform and its per-direction
 * {@link EspCipher}, mode, traffic selectors, sequence numbers or replay window, and counters.
 * {@link #seal} and {@link #open} work in place on the caller's array and allocate nothing
 * themselves; each call holds the SA's lock, which keeps packets of one SA in order.
 */
public final class EspSa {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EspSa.class);

  /** Direction of an SA as seen from this host. */
  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  private final long childSaId;
  private final int spi;
  private final Direction direction;
  private final EspTransform transform;
  private final EspMode mode;
  private final boolean esn;
  private final List<TrafficSelector> localTs;
  private final List<TrafficSelector> remoteTs;
  private volatile InetSocketAddress peer;
  private final DropCounters counters = new DropCounters(true); // updated under this SA's lock
  private final ReplayWindow window;
  private final long softLimit;
  private final long hardLimit;
  private final int ivLength;
  private final int icvLength;
  private EspCipher cipher;
  private long nextSeq = 1;
  private boolean exhausted;
  private volatile SaEventListener listener = SaEventListener.NONE;

  EspSa(EspSaPair p, Direction direction, ReplayWindow window) throws GeneralSecurityException {
    this.childSaId = p.childSaId;
    this.direction = direction;
    boolean out = direction == Direction.OUTBOUND;
    this.spi = out ? p.outboundSpi : p.inboundSpi;
    this.transform = p.transform;
    this.mode = p.mode;
    this.esn = p.esn;
    this.localTs = p.localTs;
    this.remoteTs = p.remoteTs;
    this.peer = p.peer;
    this.window = out ? null : window;
    this.softLimit = p.softLimit;
    this.hardLimit = p.hardLimit;
    this.ivLength = transform.ivLength();
    this.icvLength = transform.icvLength();
    this.cipher = out
        ? transform.newCipher(p.outboundEncKey, p.outboundIntegKey, true)
        : transform.newCipher(p.inboundEncKey, p.inboundIntegKey, false);
  }

  static EspSa inbound(EspSaPair p) throws GeneralSecurityException {
    return new EspSa(p, Direction.INBOUND, new ReplayWindow(p.replayWindow));
  }

  static EspSa outbound(EspSaPair p) throws GeneralSecurityException {
    return new EspSa(p, Direction.OUTBOUND, null);
  }

  public long childSaId() {
    return childSaId;
  }

  public int spi() {
    return spi;
  }

  public Direction direction() {
    return direction;
  }

  public EspTransform transform() {
    return transform;
  }

  public EspMode mode() {
    return mode;
  }

  public boolean esn() {
    return esn;
  }

  public List<TrafficSelector> localTs() {
    return localTs;
  }

  public List<TrafficSelector> remoteTs() {
    return remoteTs;
  }

  /** The peer's UDP address (where outbound packets go). */
  public InetSocketAddress peer() {
    return peer;
  }

  /** Moves the SA to another peer address (MOBIKE); takes effect for the next packet. */
  void setPeer(InetSocketAddress next) {
    this.peer = java.util.Objects.requireNonNull(next, "peer");
  }

  /** Packets, bytes (payload) and drops of this SA. */
  public DropCounters counters() {
    return counters;
  }

  void setListener(SaEventListener l) {
    this.listener = l;
  }

  /** Bytes {@link #seal} needs in front of the payload: ESP header and IV. */
  public int headroom() {
    return EspSpec.HEADER_LENGTH + ivLength;
  }

  /** Bytes {@link #seal} may need after the payload: padding, trailer and ICV. */
  public int tailroom() {
    return transform.blockSize() - 1 + EspSpec.TRAILER_LENGTH + icvLength;
  }

  /** True if the outbound packet at {@code buf[off, off+len)} is covered by this SA's selectors. */
  public boolean coversOutbound(byte[] buf, int off, int len) {
    return matchesAny(localTs, buf, off, len, true) && matchesAny(remoteTs, buf, off, len, false);
  }

  /** True if the decrypted inner packet's source and destination lie in the negotiated TS. */
  public boolean coversInbound(byte[] buf, int off, int len) {
    return matchesAny(remoteTs, buf, off, len, true) && matchesAny(localTs, buf, off, len, false);
  }

  private static boolean matchesAny(
      List<TrafficSelector> list, byte[] buf, int off, int len, boolean source) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).matches(buf, off, len, source)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Encapsulates the payload {@code buf[off, off+len)} in place: the ESP header and IV go into
   * the headroom in front of {@code off}, padding, trailer and ICV after the payload.
   *
   * @param nextHeader 4 or 41 in tunnel mode (see {@link EspSpec#nextHeaderForInner}), the IP
   *     protocol in transport mode, 59 for a TFC dummy packet
   * @return true with the ESP packet in {@code out}, or false with {@code out.drop()} set
   */
  public synchronized boolean seal(byte[] buf, int off, int len, int nextHeader, EspPacket out) {
    out.sa = this;
    if (exhausted) {
      return drop(out, DropReason.SEQUENCE_EXHAUSTED);
    }
    long seq = nextSeq;
    if (!sealAt(buf, off, len, nextHeader, seq, null, out)) {
      return false;
    }
    nextSeq = seq + 1;
    if (seq == softLimit || seq == hardLimit) {
      exhausted = seq == hardLimit;
      signal(seq == hardLimit);
    }
    return true;
  }

  /** Tells the listener; its failure must not cost the packet or the data-path thread. */
  private void signal(boolean hard) {
    try {
      if (hard) {
        listener.onSequenceExhausted(childSaId, spi);
      } else {
        listener.onRekeyNeeded(childSaId, spi);
      }
    } catch (RuntimeException e) {
      LOG.warn("SA event listener failed for child SA {}", childSaId, e);
    }
  }

  /** Seals with an explicit sequence number and, if non-null, an explicit IV (known answers). */
  synchronized boolean sealAt(
      byte[] buf, int off, int len, int nextHeader, long seq, byte[] iv, EspPacket out) {
    out.sa = this;
    if (direction != Direction.OUTBOUND) {
      throw new IllegalStateException("seal on an inbound SA");
    }
    if (cipher == null) {
      return drop(out, DropReason.SA_DELETED);
    }
    if (mode == EspMode.TUNNEL && nextHeader != EspSpec.NEXT_HEADER_IPV4
        && nextHeader != EspSpec.NEXT_HEADER_IPV6 && nextHeader != EspSpec.NEXT_HEADER_DUMMY) {
      return drop(out, DropReason.BAD_NEXT_HEADER);
    }
    int pad = transform.padLength(len);
    int ctLen = len + pad + EspSpec.TRAILER_LENGTH;
    int esp = off - headroom();
    if (esp < 0 || len < 0 || off + ctLen + icvLength > buf.length) {
      return drop(out, DropReason.NO_BUFFER_SPACE);
    }
    EspCipher.putInt(buf, esp, spi);
    EspCipher.putInt(buf, esp + 4, (int) seq);
    for (int i = 1; i <= pad; i++) {
      buf[off + len + i - 1] = (byte) i;
    }
    buf[off + len + pad] = (byte) pad;
    buf[off + len + pad + 1] = (byte) nextHeader;
    try {
      if (iv == null) {
        cipher.writeIv(buf, esp + EspSpec.HEADER_LENGTH, seq);
      } else {
        System.arraycopy(iv, 0, buf, esp + EspSpec.HEADER_LENGTH, ivLength);
      }
      cipher.seal(buf, esp, off, ctLen, (int) (seq >>> 32), esn);
    } catch (GeneralSecurityException | RuntimeException e) {
      return drop(out, DropReason.CRYPTO_ERROR);
    }
    counters.countPacket(len);
    out.nextHeader = nextHeader;
    out.sequenceNumber = seq;
    return out.ok(esp, headroom() + ctLen + icvLength);
  }

  /**
   * Checks, verifies and decrypts the ESP packet {@code buf[off, off+len)} (starting at the SPI)
   * in place. Anti-replay is check-then-commit: the window moves only after the ICV verified.
   * Never throws on malformed input.
   *
   * @return true with the payload in {@code out}, or false with {@code out.drop()} set (and
   *     counted on this SA)
   */
  public synchronized boolean open(byte[] buf, int off, int len, EspPacket out) {
    out.sa = this;
    if (direction != Direction.INBOUND) {
      throw new IllegalStateException("open on an outbound SA");
    }
    if (cipher == null) {
      return drop(out, DropReason.SA_DELETED);
    }
    int ctOff = off + headroom();
    int ctLen = len - headroom() - icvLength;
    if (off < 0 || len < 0 || off + len > buf.length || ctLen < EspSpec.TRAILER_LENGTH) {
      return drop(out, DropReason.TRUNCATED);
    }
    if (EspCipher.getInt(buf, off) != spi) {
      return drop(out, DropReason.UNKNOWN_SPI);
    }
    if (ctLen % transform.blockSize() != 0) {
      return drop(out, DropReason.BAD_ALIGNMENT);
    }
    int seqLow = EspCipher.getInt(buf, off + 4);
    long seq = esn ? window.inferEsn(seqLow) : seqLow & 0xFFFF_FFFFL;
    DropReason replay = window.check(seq);
    if (replay != null) {
      return drop(out, replay);
    }
    if (!cipher.open(buf, off, ctOff, ctLen, (int) (seq >>> 32), esn)) {
      return drop(out, DropReason.AUTH_FAILED);
    }
    window.commit(seq);
    out.sequenceNumber = seq;
    return unpad(buf, ctOff, ctLen, out);
  }

  private boolean unpad(byte[] buf, int ctOff, int ctLen, EspPacket out) {
    int nextHeader = buf[ctOff + ctLen - 1] & 0xFF;
    int pad = buf[ctOff + ctLen - 2] & 0xFF;
    int payloadLen = ctLen - EspSpec.TRAILER_LENGTH - pad;
    if (payloadLen < 0) {
      return drop(out, DropReason.BAD_PADDING);
    }
    for (int i = 0; i < pad; i++) {
      if (buf[ctOff + payloadLen + i] != (byte) (i + 1)) {
        return drop(out, DropReason.BAD_PADDING);
      }
    }
    if (nextHeader == EspSpec.NEXT_HEADER_DUMMY) {
      return drop(out, DropReason.TFC_DUMMY);
    }
    if (mode == EspMode.TUNNEL) {
      if (nextHeader != EspSpec.NEXT_HEADER_IPV4 && nextHeader != EspSpec.NEXT_HEADER_IPV6) {
        return drop(out, DropReason.BAD_NEXT_HEADER);
      }
      if (payloadLen == 0 || EspSpec.nextHeaderForInner(buf, ctOff) != nextHeader) {
        return drop(out, DropReason.BAD_INNER_PACKET);
      }
    }
    counters.countPacket(payloadLen);
    out.nextHeader = nextHeader;
    return out.ok(ctOff, payloadLen);
  }

  /** Counts a drop the data path decided for a packet of this SA (e.g. TS mismatch). */
  public synchronized boolean drop(EspPacket out, DropReason reason) {
    counters.countDrop(reason);
    return out.fail(reason);
  }

  /** The next outbound sequence number (for statistics and tests). */
  public synchronized long nextSequenceNumber() {
    return nextSeq;
  }

  /** Wipes the keys; later seal/open calls drop with {@link DropReason#SA_DELETED}. */
  synchronized void destroy() {
    if (cipher != null) {
      cipher.destroy();
      cipher = null;
    }
  }

  public synchronized boolean isDestroyed() {
    return cipher == null;
  }

  @Override
  public String toString() {
    return "EspSa{" + direction + " spi=" + Integer.toHexString(spi) + " child=" + childSaId
        + " " + transform + " " + mode + "}";
  }
}
