package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.NonEspMarker;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ESP data path of one tunnel: an {@link OutboundPipeline} and an {@link InboundPipeline}
 * over one TUN device and one NAT-T UDP socket, each on its own thread, sharing the {@link
 * SaTable} that the engine fills. The caller owns the device and the socket; closing them (or
 * {@link #close()}) ends the loops.
 *
 * <p>The data path moves whole batches through the plain {@link TunDevice} and {@link
 * UdpTransport} calls and nothing else: kernel offloads (TSO/GRO on the TUN, sendmmsg and UDP
 * GSO/GRO on the socket) are the business of the adapter behind those calls, which splits and
 * merges packets there, as wireguard-go's {@code tun.Device} does.
 */
public final class DataPath implements AutoCloseable {
  /** Bytes kept free in front of every packet: ESP header, IV, a rebuilt IP header, margin. */
  public static final int HEADROOM = 128;
  /** Bytes kept free after the largest packet: padding, trailer, ICV. */
  public static final int TAILROOM = 64;

  /**
   * Sizing of the data path.
   *
   * @param pathMtu MTU towards the gateway, from which the tunnel MTU is computed
   * @param maxPacket largest inner packet or datagram handled (at least the TUN MTU)
   * @param poolBuffers buffers in the pool (at least both loops' batches plus one)
   */
  public record Config(int pathMtu, int maxPacket, int poolBuffers) {
    public static final Config DEFAULT = new Config(1500, 2048, 256);

    public Config {
      if (pathMtu < 576 || maxPacket < pathMtu || poolBuffers < 3) {
        throw new IllegalArgumentException("data path config out of range: " + pathMtu + "/"
            + maxPacket + "/" + poolBuffers);
      }
    }
  }

  private final TunDevice tun;
  private final UdpTransport udp;
  private final SaTable sas;
  private final BufferPool pool;
  private final OutboundPipeline outbound;
  private final InboundPipeline inbound;
  private final byte[][] keepaliveBuf = new byte[1][HEADROOM + 1];
  private final int[] keepaliveSize = {1};
  private final List<Thread> threads = new ArrayList<>();

  public DataPath(TunDevice tun, UdpTransport udp, SaTable sas, IkePacketHandler ike,
      Config config) {
    this.tun = Objects.requireNonNull(tun);
    this.udp = Objects.requireNonNull(udp);
    this.sas = Objects.requireNonNull(sas);
    int batches = Math.max(1, tun.batchSize()) + Math.max(1, udp.batchSize()) + 1;
    this.pool = new BufferPool(Math.max(config.poolBuffers(), batches),
        HEADROOM + config.maxPacket() + TAILROOM);
    TunWriter writer = new TunWriter(tun);
    this.outbound = new OutboundPipeline(tun, udp, sas, writer, pool, config.pathMtu(), HEADROOM);
    this.inbound = new InboundPipeline(udp, sas, writer, pool, Objects.requireNonNull(ike),
        outbound, HEADROOM);
  }

  /** Starts one thread per direction ({@code fulmar-dp-out}, {@code fulmar-dp-in}). */
  public synchronized void start() {
    if (!threads.isEmpty()) {
      throw new IllegalStateException("data path already started");
    }
    threads.add(new Thread(outbound::runOutboundLoop, "fulmar-dp-out"));
    threads.add(new Thread(inbound::runInboundLoop, "fulmar-dp-in"));
    for (Thread t : threads) {
      t.setDaemon(true);
      t.start();
    }
  }

  /** Replaces the receiver of IKE messages arriving on the NAT-T socket (any thread). */
  public void setIkePacketHandler(IkePacketHandler handler) {
    inbound.setIkePacketHandler(handler);
  }

  /** The SA table the engine installs into. */
  public SaTable sas() {
    return sas;
  }

  /** Sends one NAT-keepalive (RFC 3948 §2.3) to {@code peer}; any thread. */
  public void sendNatKeepalive(InetSocketAddress peer) throws IOException {
    synchronized (keepaliveBuf) {
      NonEspMarker.writeKeepalive(keepaliveBuf[0], HEADROOM);
      udp.send(keepaliveBuf, keepaliveSize, HEADROOM, 1, peer);
    }
  }

  /** A snapshot of every counter. */
  public DataPathStats stats() {
    List<SaStats> list = new ArrayList<>();
    sas.installed().forEach(sa -> list.add(SaStats.of(sa)));
    return new DataPathStats(list, sas.unattributedCounters().dropsByReason(),
        inbound.keepalivesReceived(), inbound.ikeMessagesReceived());
  }

  /**
   * Stops both loops: sets their flags and interrupts them, then waits up to {@code timeoutMs}
   * for each. A loop blocked in a device read that ignores interrupts ends when the caller closes
   * the device. Does not close the device or the socket.
   */
  public synchronized void stop(long timeoutMs) throws InterruptedException {
    outbound.stop();
    inbound.stop();
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      t.join(timeoutMs);
    }
  }

  /** {@link #stop} with a one-second wait per thread, then wipes every SA's keys. */
  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sas.deleteAll();
  }
}
