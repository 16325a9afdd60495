package dev.fulmar.helper.run;

import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.IkeSocket;
import dev.fulmar.core.datapath.DataPath;
import dev.fulmar.core.datapath.IkePacketHandler;
import dev.fulmar.core.esp.EspSpec;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one UDP socket on port 4500 that IKE and ESP share (RFC 3948): the data path owns it and
 * reads every datagram; datagrams behind the non-ESP marker go to the IKE session. This class is
 * the session's {@link IkeSocket.Factory}: a request for port 4500 gets a view of the shared
 * socket, any other port (IKE_SA_INIT on 500) a socket of the default factory.
 *
 * <pre>
 *  engine ──IkeSocket.send(marker|IKE)──► UDP 4500 ◄── outbound pipeline, keepalives
 *  engine ◄──Receiver(marker|IKE)── IkePacketHandler ◄── inbound pipeline demux ◄── UDP 4500
 * </pre>
 *
 * <p>The engine's loop, the NAT keepalive timer and the outbound pipeline all send on it; the
 * {@link UdpTransport} contract makes that safe. The inbound pipeline is the only receiver.
 */
final class NatTSocket implements IkeSocket.Factory {
  private final IkeSocket.Factory fallback;
  private final UdpTransport udp;
  private final AtomicReference<DataPath> dataPath = new AtomicReference<>();
  /** The view whose receiver gets IKE now: a replaced session's late close must not unhook it. */
  private final AtomicReference<View> current = new AtomicReference<>();
  private volatile InetSocketAddress sourceAddress;

  /**
   * @param udp the bound port-4500 transport (owned by the caller)
   * @param sourceAddress our address as the gateway sees it without NAT, port 4500
   */
  NatTSocket(IkeSocket.Factory fallback, UdpTransport udp, InetSocketAddress sourceAddress) {
    this.fallback = fallback;
    this.udp = udp;
    this.sourceAddress = sourceAddress;
  }

  /**
   * Our address towards the gateway changed (another network, MOBIKE): what {@link
   * IkeSocket#localAddress()} reports from now on, for NAT detection and address updates.
   */
  void setSource(InetSocketAddress source) {
    this.sourceAddress = source;
  }

  /** Our address towards the gateway as the sessions see it. */
  InetSocketAddress source() {
    return sourceAddress;
  }

  /** The transport for the data path (the same socket; sends are thread-safe by contract). */
  UdpTransport transport() {
    return udp;
  }

  /** The data path whose inbound pipeline receives for IKE; set before IKE moves to 4500. */
  void attach(DataPath path) {
    dataPath.set(path);
  }

  @Override
  public IkeSocket open(InetSocketAddress local, InetSocketAddress remote,
      IkeSocket.Receiver receiver) throws IOException {
    if (local.getPort() != IkeSessionParams.NAT_T_PORT) {
      return fallback.open(local, remote, receiver);
    }
    DataPath path = dataPath.get();
    if (path == null) {
      throw new BindException("port 4500 is not ready yet");
    }
    View view = new View(remote, path);
    synchronized (current) {
      current.set(view);
      path.setIkePacketHandler(view.handler(receiver));
    }
    return view;
  }

  /** IKE's view of the shared socket, connected to one gateway address. */
  private final class View implements IkeSocket {
    private final InetSocketAddress remote;
    private final DataPath path;
    private volatile boolean open = true;

    View(InetSocketAddress remote, DataPath path) {
      this.remote = remote;
      this.path = path;
    }

    IkePacketHandler handler(IkeSocket.Receiver receiver) {
      return (buf, off, len, from) -> {
        if (open && remote.equals(from)) {
          // The pipeline strips the marker; IKE's transport expects the datagram as sent.
          byte[] datagram = new byte[EspSpec.NON_ESP_MARKER_LENGTH + len];
          System.arraycopy(buf, off, datagram, EspSpec.NON_ESP_MARKER_LENGTH, len);
          receiver.received(datagram, from);
        }
      };
    }

    @Override
    public InetSocketAddress localAddress() {
      return sourceAddress;
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return remote;
    }

    @Override
    public void send(byte[] datagram) throws IOException {
      if (!open) {
        throw new java.nio.channels.ClosedChannelException();
      }
      int headroom = DataPath.HEADROOM;
      byte[][] bufs = {new byte[headroom + datagram.length]};
      System.arraycopy(datagram, 0, bufs[0], headroom, datagram.length);
      udp.send(bufs, new int[] {datagram.length}, headroom, 1, remote);
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        synchronized (current) {
          if (current.compareAndSet(this, null)) {
            path.setIkePacketHandler(IkePacketHandler.IGNORE);
          }
        }
      }
    }
  }
}
