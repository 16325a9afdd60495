package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.UdpOffload;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP socket driven through jnr-ffi that moves many datagrams per system call: {@code sendmmsg}
 * with {@code UDP_SEGMENT} (one GSO super-datagram per run of equal-size datagrams) and {@code
 * recvmmsg} with {@code UDP_GRO} (coalesced datagrams split again here). Offloads the kernel
 * refuses are left out; batching alone always works.
 *
 * <pre>
 * send:    bufs[i] ──copy──► native run buffer ──► one mmsghdr per run (cmsg UDP_SEGMENT=size)
 *                                                  └──────────► sendmmsg(all runs)
 * receive: recvmmsg(slots) ──► per slot: UDP_GRO size? split : one datagram ──► bufs[i]
 * </pre>
 *
 * <p>The offloads stay behind the plain batched {@link #send}/{@link #receive}: callers gain the
 * most by handing over whole batches, since only the datagrams of one {@link #send} call can
 * share a {@code sendmmsg} and GSO runs. {@link #send} may be called from several threads (they
 * take turns); {@link #receive} from one.
 */
public final class LinuxUdpTransport implements UdpTransport, UdpOffload {

  /** Datagrams per call. */
  static final int BATCH = 64;
  /** The kernel's limit of segments per GSO send (UDP_MAX_SEGMENTS). */
  static final int MAX_SEGMENTS = 64;
  /** Largest GSO super-datagram payload we build (below 65535 minus IP/UDP headers). */
  static final int MAX_RUN_BYTES = 65000;

  private final WakeableFd fd;
  private final int family;
  private final InetSocketAddress local;
  private final Set<Feature> features;
  private volatile boolean segmentation;
  private final UdpSender sender;
  private final UdpReceiver receiver;
  final AtomicLong sendCalls = new AtomicLong();
  final AtomicLong receiveCalls = new AtomicLong();

  private LinuxUdpTransport(WakeableFd fd, int family, InetSocketAddress local,
      Set<Feature> features) {
    this.fd = fd;
    this.family = family;
    this.local = local;
    this.features = Set.copyOf(features);
    this.segmentation = features.contains(Feature.SEGMENTATION);
    this.sender = new UdpSender(this);
    this.receiver = new UdpReceiver(this);
  }

  /**
   * Binds a socket to {@code local} in the calling thread's network namespace and turns on what
   * the kernel offers.
   */
  public static LinuxUdpTransport bind(InetSocketAddress local) throws IOException {
    int family = local.getAddress() instanceof Inet4Address ? SockAddr.AF_INET : SockAddr.AF_INET6;
    int s = UdpSockets.open(family);
    try {
      Set<Feature> features = EnumSet.of(Feature.SEND_BATCH, Feature.RECEIVE_BATCH);
      if (UdpSockets.probeSegmentation(s)) {
        features.add(Feature.SEGMENTATION);
      }
      if (UdpSockets.enableGro(s)) {
        features.add(Feature.RECEIVE_COALESCING);
      }
      InetSocketAddress bound = UdpSockets.bind(s, local, family);
      return new LinuxUdpTransport(new WakeableFd(s), family, bound, features);
    } catch (IOException | RuntimeException e) {
      LIBC.close(s);
      throw e;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public int batchSize() {
    return BATCH;
  }

  @Override
  public Set<Feature> offloads() {
    if (segmentation) {
      return features;
    }
    EnumSet<Feature> f = EnumSet.noneOf(Feature.class);
    f.addAll(features);
    f.remove(Feature.SEGMENTATION);
    return Set.copyOf(f);
  }

  boolean segmentation() {
    return segmentation;
  }

  /** GSO does not work on the egress path (EIO): from now on, one datagram per message. */
  void disableSegmentation() {
    segmentation = false;
  }

  int family() {
    return family;
  }

  WakeableFd fd() {
    return fd;
  }

  @Override
  public int send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
      throws IOException {
    synchronized (sender) {
      return sender.send(bufs, sizes, offset, count, to);
    }
  }

  @Override
  public int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int offset)
      throws IOException {
    synchronized (receiver) {
      return receiver.receive(bufs, sizes, from, offset);
    }
  }

  /** Datagrams dropped on receive because they did not fit (truncated or larger than a buffer). */
  public long oversizeDrops() {
    return receiver.oversize.get();
  }

  /** System calls made so far (send, receive): shows what the offloads save. */
  public long[] syscalls() {
    return new long[] {sendCalls.get(), receiveCalls.get()};
  }

  @Override
  public void close() {
    fd.close();
  }

  @Override
  public String toString() {
    return "LinuxUdpTransport[" + local + ", " + features + "]";
  }
}
