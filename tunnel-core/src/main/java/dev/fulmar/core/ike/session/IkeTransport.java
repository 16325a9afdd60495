package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.IkeSocket;
import dev.fulmar.core.api.SessionLoop;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's UDP side: IKE starts on the gateway's port 500 from our port 500 (or, without the
 * privilege for it, from any free port), and moves to the gateway's port 4500 after NAT detection
 * (RFC 7296 §2.23), where every IKE message starts with the four-byte non-ESP marker (RFC 3948
 * §2.2). Datagrams on 4500 without the marker are ESP or NAT keepalives and are not IKE's.
 */
final class IkeTransport {
  private static final Logger LOG = LoggerFactory.getLogger(IkeTransport.class);
  static final int NON_ESP_MARKER_LENGTH = 4;

  /** Receives IKE messages on the loop, marker already removed. */
  interface Handler {
    void onIkeMessage(byte[] message, InetSocketAddress from);
  }

  private final IkeSocket.Factory factory;
  private final SessionLoop loop;
  private final Handler handler;
  private IkeSocket socket;
  private boolean natT;
  private boolean unprivilegedPort;
  private int nonIkeDatagrams;

  IkeTransport(IkeSocket.Factory factory, SessionLoop loop, Handler handler) {
    this.factory = factory;
    this.loop = loop;
    this.handler = handler;
  }

  /** Opens the socket to {@code gateway} (its IKE port), from port 500 if we may. */
  void open(InetSocketAddress gateway) throws IOException {
    socket = bind(gateway, IkeSessionParams.IKE_PORT, false);
    natT = false;
  }

  /** Moves to the gateway's port 4500 with the non-ESP marker; a no-op if already there. */
  void switchToNatT() throws IOException {
    if (natT) {
      return;
    }
    InetSocketAddress gateway =
        new InetSocketAddress(socket.remoteAddress().getAddress(), IkeSessionParams.NAT_T_PORT);
    IkeSocket next = bind(gateway, IkeSessionParams.NAT_T_PORT, true);
    socket.close();
    socket = next;
    natT = true;
    LOG.debug("moved to {} -> {}", next.localAddress(), gateway);
  }

  private IkeSocket bind(InetSocketAddress gateway, int preferredPort, boolean marker)
      throws IOException {
    InetAddress any = wildcard(gateway.getAddress());
    IkeSocket.Receiver receiver = (data, from) -> loop.execute(() -> received(data, from, marker));
    try {
      return factory.open(new InetSocketAddress(any, preferredPort), gateway, receiver);
    } catch (BindException e) {
      LOG.info(
          "source port {} unavailable ({}), using an unprivileged port", preferredPort,
          e.getMessage());
      unprivilegedPort |= preferredPort == IkeSessionParams.IKE_PORT;
      return factory.open(new InetSocketAddress(any, 0), gateway, receiver);
    }
  }

  private void received(byte[] data, InetSocketAddress from, boolean marker) {
    if (socket == null || !from.equals(socket.remoteAddress())) {
      return; // an old socket's late datagram, or not from our gateway
    }
    if (!marker) {
      handler.onIkeMessage(data, from);
    } else if (data.length > NON_ESP_MARKER_LENGTH && isMarker(data)) {
      handler.onIkeMessage(Arrays.copyOfRange(data, NON_ESP_MARKER_LENGTH, data.length), from);
    } else {
      nonIkeDatagrams++; // ESP or a NAT keepalive (RFC 3948 §2.3): the data path's business
    }
  }

  private static boolean isMarker(byte[] data) {
    return data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] == 0;
  }

  /** Sends IKE datagrams on the current socket, with the marker on port 4500. */
  void send(List<byte[]> datagrams) {
    for (byte[] d : datagrams) {
      byte[] out = d;
      if (natT) {
        out = new byte[d.length + NON_ESP_MARKER_LENGTH];
        System.arraycopy(d, 0, out, NON_ESP_MARKER_LENGTH, d.length);
      }
      try {
        socket.send(out);
      } catch (IOException e) {
        // Like a lost packet: the retransmission timer covers it.
        LOG.debug("send to {} failed: {}", socket.remoteAddress(), e.toString());
      }
    }
  }

  InetSocketAddress localAddress() {
    return socket.localAddress();
  }

  InetSocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  boolean isNatT() {
    return natT;
  }

  /** Whether we could not use source port 500 and fell back to another one. */
  boolean usesUnprivilegedPort() {
    return unprivilegedPort;
  }

  /** Datagrams on port 4500 that were not IKE (ESP, keepalives), for diagnostics. */
  int nonIkeDatagrams() {
    return nonIkeDatagrams;
  }

  void close() {
    if (socket != null) {
      socket.close();
    }
  }

  private static InetAddress wildcard(InetAddress family) throws IOException {
    return InetAddress.getByName(family instanceof Inet6Address ? "::" : "0.0.0.0");
  }
}
