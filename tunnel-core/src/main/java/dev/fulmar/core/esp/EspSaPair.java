package dev.fulmar.core.esp;

import dev.fulmar.core.api.TrafficSelector;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A negotiated CHILD_SA as the engine hands it to {@link SaInstaller#install}: SPIs, transform,
 * mode, traffic selectors, the peer's UDP address and the four keys (KEYMAT split as RFC 7296
 * §2.17 says). Keys are copied in and wiped by {@link #wipeKeys()} once installed.
 */
public final class EspSaPair {
  final long childSaId;
  final int inboundSpi;
  final int outboundSpi;
  final EspTransform transform;
  final EspMode mode;
  final boolean esn;
  final byte[] inboundEncKey;
  final byte[] inboundIntegKey;
  final byte[] outboundEncKey;
  final byte[] outboundIntegKey;
  final List<TrafficSelector> localTs;
  final List<TrafficSelector> remoteTs;
  final InetSocketAddress peer;
  final int replayWindow;
  final long softLimit;
  final long hardLimit;

  private EspSaPair(Builder b) {
    this.childSaId = b.childSaId;
    this.inboundSpi = b.inboundSpi;
    this.outboundSpi = b.outboundSpi;
    this.transform = Objects.requireNonNull(b.transform, "transform");
    this.mode = Objects.requireNonNull(b.mode, "mode");
    this.esn = b.esn;
    this.inboundEncKey = checkedKey(b.inboundEncKey, transform.encryptionKeyLength(), "inbound "
        + "encryption key");
    this.outboundEncKey = checkedKey(b.outboundEncKey, transform.encryptionKeyLength(), "outbound"
        + " encryption key");
    this.inboundIntegKey = checkedKey(b.inboundIntegKey, transform.integrityKeyLength(), "inbound"
        + " integrity key");
    this.outboundIntegKey = checkedKey(b.outboundIntegKey, transform.integrityKeyLength(),
        "outbound integrity key");
    this.localTs = List.copyOf(b.localTs);
    this.remoteTs = List.copyOf(b.remoteTs);
    if (localTs.isEmpty() || remoteTs.isEmpty()) {
      throw new IllegalArgumentException("an SA needs at least one local and one remote TS");
    }
    this.peer = Objects.requireNonNull(b.peer, "peer");
    if (b.inboundSpi == 0 || b.outboundSpi == 0) {
      throw new IllegalArgumentException("SPI 0 is reserved (RFC 4303 §2.1)");
    }
    this.replayWindow = b.replayWindow;
    this.hardLimit = b.hardLimit != 0 ? b.hardLimit : (esn ? -1L : 0xFFFF_FFFFL);
    this.softLimit = b.softLimit != 0 ? b.softLimit : hardLimit - (hardLimit >>> 4);
    if (Long.compareUnsigned(softLimit, hardLimit) > 0) {
      throw new IllegalArgumentException("soft sequence limit above the hard limit");
    }
  }

  private static byte[] checkedKey(byte[] key, int expected, String what) {
    byte[] k = key == null ? new byte[0] : key;
    if (k.length != expected) {
      throw new IllegalArgumentException(what + " must be " + expected + " bytes, got "
          + k.length);
    }
    return k.clone();
  }

  public static Builder builder() {
    return new Builder();
  }

  public long childSaId() {
    return childSaId;
  }

  public int inboundSpi() {
    return inboundSpi;
  }

  public int outboundSpi() {
    return outboundSpi;
  }

  /** Where the outbound packets of this pair go. */
  public InetSocketAddress peer() {
    return peer;
  }

  /** Wipes this pair's copies of the keys. */
  public void wipeKeys() {
    Arrays.fill(inboundEncKey, (byte) 0);
    Arrays.fill(outboundEncKey, (byte) 0);
    Arrays.fill(inboundIntegKey, (byte) 0);
    Arrays.fill(outboundIntegKey, (byte) 0);
  }

  @Override
  public String toString() {
    return "EspSaPair{child=" + childSaId + ", in=" + Integer.toHexString(inboundSpi)
        + ", out=" + Integer.toHexString(outboundSpi) + ", " + transform + ", " + mode
        + (esn ? ", ESN" : "") + ", keys redacted}";
  }

  /** Builds an {@link EspSaPair}; {@link #build()} checks key lengths against the transform. */
  public static final class Builder {
    private long childSaId;
    private int inboundSpi;
    private int outboundSpi;
    private EspTransform transform;
    private EspMode mode = EspMode.TUNNEL;
    private boolean esn;
    private byte[] inboundEncKey;
    private byte[] inboundIntegKey;
    private byte[] outboundEncKey;
    private byte[] outboundIntegKey;
    private List<TrafficSelector> localTs = List.of();
    private List<TrafficSelector> remoteTs = List.of();
    private InetSocketAddress peer;
    private int replayWindow = ReplayWindow.MIN_SIZE;
    private long softLimit;
    private long hardLimit;

    private Builder() {}

    /** The engine's id for this CHILD_SA; events and {@link SaInstaller#delete} use it. */
    public Builder childSaId(long id) {
      this.childSaId = id;
      return this;
    }

    public Builder spis(int inbound, int outbound) {
      this.inboundSpi = inbound;
      this.outboundSpi = outbound;
      return this;
    }

    public Builder transform(EspTransform t) {
      this.transform = t;
      return this;
    }

    public Builder mode(EspMode m) {
      this.mode = m;
      return this;
    }

    /** Extended (64-bit) sequence numbers were negotiated. */
    public Builder esn(boolean on) {
      this.esn = on;
      return this;
    }

    /**
     * Keys for packets from the peer: the encryption key with the AEAD salt appended (as KEYMAT
     * orders them, RFC 4106 §8.1 / RFC 7634 §2) and the integrity key (empty or null for an
     * AEAD). Lengths must match {@link EspTransform#encryptionKeyLength()} and {@link
     * EspTransform#integrityKeyLength()}.
     */
    public Builder inboundKeys(byte[] encryption, byte[] integrity) {
      this.inboundEncKey = encryption;
      this.inboundIntegKey = integrity;
      return this;
    }

    /** Keys for packets to the peer, laid out as for {@link #inboundKeys}. */
    public Builder outboundKeys(byte[] encryption, byte[] integrity) {
      this.outboundEncKey = encryption;
      this.outboundIntegKey = integrity;
      return this;
    }

    /** Our side's selectors (TSi for the initiator). */
    public Builder localTs(List<TrafficSelector> ts) {
      this.localTs = ts;
      return this;
    }

    /** The peer's side's selectors (TSr for the initiator). */
    public Builder remoteTs(List<TrafficSelector> ts) {
      this.remoteTs = ts;
      return this;
    }

    /** Where ESP-in-UDP packets of this SA go (gateway address, port 4500 after NAT-T). */
    public Builder peer(InetSocketAddress p) {
      this.peer = p;
      return this;
    }

    /** Anti-replay window in packets (power of two, at least 1024). */
    public Builder replayWindow(int packets) {
      this.replayWindow = packets;
      return this;
    }

    /** Outbound sequence numbers: rekey signal at {@code soft}, last packet at {@code hard}. */
    public Builder sequenceLimits(long soft, long hard) {
      this.softLimit = soft;
      this.hardLimit = hard;
      return this;
    }

    public EspSaPair build() {
      return new EspSaPair(this);
    }
  }
}
