package dev.fulmar.core.ike.sa;

import dev.fulmar.core.api.ChildSaInfo;
import java.util.Arrays;

/**
 * A CHILD SA negotiated on an IKE SA: what was agreed and, until handed to the data path, its
 * KEYMAT (RFC 7296 §2.17).
 */
public final class ChildSa {
  private final ChildSaInfo info;
  private final byte[] keymat;

  public ChildSa(ChildSaInfo info, byte[] keymat) {
    this.info = info;
    this.keymat = keymat;
  }

  public ChildSaInfo info() {
    return info;
  }

  public long inboundSpi() {
    return info.inboundSpi();
  }

  public long outboundSpi() {
    return info.outboundSpi();
  }

  /** KEYMAT: the initiator-to-responder keys first, then responder-to-initiator. */
  public byte[] keymat() {
    return keymat;
  }

  void wipe() {
    Arrays.fill(keymat, (byte) 0);
  }
}
