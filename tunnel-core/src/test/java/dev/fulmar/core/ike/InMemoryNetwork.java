package dev.fulmar.core.ike;

import dev.fulmar.core.api.IkeSocket;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An in-memory UDP network for exchange tests: sockets bind to addresses, datagrams wait in
 * flight until the test delivers (or drops) them, and every datagram is kept in a log so tests can
 * assert on what was sent and when. An optional NAT rewrites the source of the client's datagrams.
 */
public final class InMemoryNetwork implements IkeSocket.Factory {
  /** One datagram on the wire. */
  public record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] data) {}

  private final InetAddress clientAddress;
  private final Map<InetSocketAddress, Endpoint> endpoints = new LinkedHashMap<>();
  private final Deque<Datagram> inFlight = new ArrayDeque<>();
  private final List<Datagram> log = new ArrayList<>();
  private UnaryOperator<InetSocketAddress> nat = UnaryOperator.identity();
  private boolean privilegedPortsAllowed = true;
  private boolean autoDeliver;
  private boolean delivering;
  private int nextEphemeral = 40000;

  private final class Endpoint implements IkeSocket {
    final InetSocketAddress local;
    final InetSocketAddress remote;
    final IkeSocket.Receiver receiver;
    boolean closed;

    Endpoint(InetSocketAddress local, InetSocketAddress remote, Receiver receiver) {
      this.local = local;
      this.remote = remote;
      this.receiver = receiver;
    }

    @Override
    public InetSocketAddress localAddress() {
      return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return remote;
    }

    @Override
    public void send(byte[] datagram) throws IOException {
      if (closed) {
        throw new IOException("socket closed");
      }
      sent(new Datagram(local, remote, datagram.clone()));
    }

    @Override
    public void close() {
      closed = true;
      endpoints.remove(local, this);
    }
  }

  public InMemoryNetwork(InetAddress clientAddress) {
    this.clientAddress = clientAddress;
  }

  /**
   * Delivers every datagram as soon as it is sent (for callers that block on a result, such as
   * the helper's commands), instead of waiting for the test to deliver.
   */
  public void autoDeliver() {
    this.autoDeliver = true;
  }

  private void sent(Datagram d) {
    log.add(d);
    inFlight.add(d);
    if (autoDeliver && !delivering) {
      delivering = true;
      try {
        deliverAll();
      } finally {
        delivering = false;
      }
    }
  }

  /** Simulates a normal user: binding a port below 1024 fails like it does without root. */
  public void denyPrivilegedPorts() {
    privilegedPortsAllowed = false;
  }

  /** Rewrites the source of datagrams from the client (a NAT between client and gateway). */
  public void nat(UnaryOperator<InetSocketAddress> translate) {
    this.nat = translate;
  }

  @Override
  public IkeSocket open(
      InetSocketAddress local, InetSocketAddress remote, IkeSocket.Receiver receiver)
      throws IOException {
    int port = local.getPort();
    if (port != 0 && port < 1024 && !privilegedPortsAllowed) {
      throw new BindException("Permission denied");
    }
    InetAddress addr = local.getAddress().isAnyLocalAddress() ? clientAddress : local.getAddress();
    InetSocketAddress bound = new InetSocketAddress(addr, port == 0 ? nextEphemeral++ : port);
    if (endpoints.containsKey(bound)) {
      throw new BindException("Address already in use");
    }
    Endpoint e = new Endpoint(bound, remote, receiver);
    endpoints.put(bound, e);
    return e;
  }

  /** Binds an unconnected endpoint (the test responder's ports 500 and 4500). */
  public void bind(InetSocketAddress local, Sender sender) {
    endpoints.put(local, new Endpoint(local, null, sender::received));
  }

  /** Something that receives datagrams and may answer them. */
  @FunctionalInterface
  public interface Sender {
    void received(byte[] datagram, InetSocketAddress from);
  }

  /** Sends from an unconnected endpoint (the responder's side). */
  public void sendFrom(InetSocketAddress from, InetSocketAddress to, byte[] data) {
    sent(new Datagram(from, to, data.clone()));
  }

  /** Delivers the oldest datagram in flight; returns it, or null if none was in flight. */
  public Datagram deliverNext() {
    Datagram d = inFlight.poll();
    if (d == null) {
      return null;
    }
    InetSocketAddress from =
        d.from().getAddress().equals(clientAddress) ? nat.apply(d.from()) : d.from();
    Endpoint e = endpoints.get(d.to());
    if (e == null) {
      e = findTranslated(d.to());
    }
    if (e != null && !e.closed && (e.remote == null || e.remote.equals(from))) {
      e.receiver.received(d.data().clone(), from);
    }
    return d;
  }

  private Endpoint findTranslated(InetSocketAddress to) {
    for (Endpoint e : endpoints.values()) {
      if (nat.apply(e.local).equals(to)) {
        return e;
      }
    }
    return null;
  }

  /** Delivers everything in flight, including what the deliveries cause to be sent. */
  public int deliverAll() {
    int n = 0;
    while (deliverNext() != null) {
      n++;
      if (n > 10_000) {
        throw new IllegalStateException("datagram storm");
      }
    }
    return n;
  }

  /** Drops the oldest datagram in flight (a lost packet). */
  public Datagram dropNext() {
    return inFlight.poll();
  }

  public List<Datagram> inFlight() {
    return List.copyOf(inFlight);
  }

  /** Every datagram sent so far, in order. */
  public List<Datagram> log() {
    return List.copyOf(log);
  }

  /** Whether a socket is bound at {@code address}. */
  public boolean isBound(InetSocketAddress address) {
    return endpoints.containsKey(address);
  }
}
