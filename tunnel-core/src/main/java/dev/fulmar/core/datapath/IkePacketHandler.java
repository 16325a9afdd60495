package dev.fulmar.core.datapath;

import java.net.InetSocketAddress;

/**
 * Receives IKE messages that arrive on the NAT-T socket behind the non-ESP marker (RFC 3948
 * §2.2). Called on the inbound data-path thread with a view into a pooled buffer: the engine must
 * copy {@code buf[off, off+len)} before returning and must not block.
 */
@FunctionalInterface
public interface IkePacketHandler {
  /** Drops IKE messages (a data path without an engine, e.g. manual keying). */
  IkePacketHandler IGNORE = (buf, off, len, from) -> {};

  void onIkePacket(byte[] buf, int off, int len, InetSocketAddress from);
}
