package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.sa.IkeSa;
import java.net.Inet6Address;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Turns a message into the datagrams to send: IKE_SA_INIT in the clear, everything later sealed in
 * SK, and split into SKF fragments (RFC 7383 §2.5) when both sides support fragmentation and the
 * message would not fit the fragment size.
 */
final class MessageWriter {
  private static final int UDP_HEADER = 8;

  private final IkeSessionParams params;
  private final IkeTransport transport;
  private int fragmentedSent;

  MessageWriter(IkeSessionParams params, IkeTransport transport) {
    this.params = params;
    this.transport = transport;
  }

  List<byte[]> clear(IkeMessage m) {
    return List.of(m.encode());
  }

  /** Seals {@code m} with the SA's outbound keys, fragmenting if allowed and needed. */
  List<byte[]> sealed(IkeMessage m, IkeSa sa, boolean peerFragmentation)
      throws GeneralSecurityException {
    byte[] whole = m.encode(sa.keys().outbound());
    int max = maxMessageLength();
    if (!params.fragmentation() || !peerFragmentation || whole.length <= max) {
      return List.of(whole);
    }
    fragmentedSent++;
    return m.encodeFragments(sa.keys().outbound(), max);
  }

  /** The IKE message size that keeps the IP datagram within the fragment size. */
  int maxMessageLength() {
    boolean v6 = transport.remoteAddress().getAddress() instanceof Inet6Address;
    int overhead = (v6 ? 40 : 20) + UDP_HEADER
        + (transport.isNatT() ? IkeTransport.NON_ESP_MARKER_LENGTH : 0);
    return params.fragmentSize() - overhead;
  }

  int fragmentedMessagesSent() {
    return fragmentedSent;
  }
}
