package dev.fulmar.core.ike.sa;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.ike.crypto.ChildSaKeys;

/**
 * A CHILD SA negotiated on an IKE SA: what was agreed and its ESP keys (RFC 7296 §2.17) until the
 * SA is deleted.
 */
public final class ChildSa {
  private final ChildSaInfo info;
  private final ChildSaKeys keys;

  public ChildSa(ChildSaInfo info, ChildSaKeys keys) {
    this.info = info;
    this.keys = keys;
  }

  public ChildSaInfo info() {
    return info;
  }

  /** Our SPI: the gateway sends to it, and deletes name it from its side as the outbound one. */
  public long inboundSpi() {
    return info.inboundSpi();
  }

  /** The gateway's SPI, used on what we send. */
  public long outboundSpi() {
    return info.outboundSpi();
  }

  /** Initiator-to-responder and responder-to-initiator keys. */
  public ChildSaKeys keys() {
    return keys;
  }

  void wipe() {
    keys.destroy();
  }
}
