package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.TunOffload;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * A TUN device opened with {@code IFF_VNET_HDR} and the offloads the kernel accepted through
 * {@code TUNSETOFFLOAD}: one {@code read} system call may return a 64 KB TCP (and, on Linux 6.2+,
 * UDP) super-packet and one {@code write} may deliver a whole burst.
 *
 * <pre>
 * read:  read(fd) ─► [virtio hdr | super-packet] ─► GsoSplitter ─► MTU-sized packets, checksums
 *        complete ─► bufs[0..n)   (what does not fit waits for the next call)
 * write: bufs[0..n) ─► TcpCoalescer ─► [virtio hdr | merged burst] ─► write(fd), one per burst
 * </pre>
 *
 * <p>Both steps live here and only here, behind the plain batched {@link #read}/{@link #write}
 * of {@code TunDevice} (as in wireguard-go's {@code tun.Device}): the data path sees MTU-sized
 * packets with complete checksums either way, and gains the most by handing over whole batches,
 * since only neighbours in one {@link #write} call are merged.
 */
final class LinuxVnetTunDevice extends LinuxTunDevice implements TunOffload {

  static final long TUNSETOFFLOAD = 0x400454d0L;
  static final int TUN_F_CSUM = 0x01;
  static final int TUN_F_TSO4 = 0x02;
  static final int TUN_F_TSO6 = 0x04;
  static final int TUN_F_USO4 = 0x20;
  static final int TUN_F_USO6 = 0x40;
  private static final int RAW_MAX = VirtioNetHeader.LENGTH + MAX_PACKET;

  private final Set<Feature> offloads;
  private final Pointer rawRead = Native.allocate(RAW_MAX);
  private final Pointer rawWrite = Native.allocate(RAW_MAX);
  private final byte[] readStage = new byte[RAW_MAX];
  private final byte[] writeStage = new byte[RAW_MAX];
  private final GsoSplitter splitter = new GsoSplitter();
  private final TcpCoalescer coalescer = new TcpCoalescer();
  private final AtomicLong malformedReads = new AtomicLong();
  private final AtomicLong superPacketsRead = new AtomicLong();
  private final AtomicLong superPacketsWritten = new AtomicLong();
  private boolean splitting;

  private LinuxVnetTunDevice(WakeableFd fd, String name, int mtu, Runnable onClose,
      Set<Feature> offloads) {
    super(fd, name, mtu, onClose);
    this.offloads = offloads;
  }

  /**
   * Asks for checksum, TSO and USO offloads, then without USO (kernels before 6.2), then for
   * checksum offload alone; a device without any still works with plain packets.
   */
  static LinuxVnetTunDevice negotiate(WakeableFd fd, String name, int mtu, Runnable onClose) {
    int[] attempts = {
      TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6 | TUN_F_USO4 | TUN_F_USO6,
      TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6,
      TUN_F_CSUM,
      0
    };
    int accepted = 0;
    for (int flags : attempts) {
      if (LIBC.ioctl(fd.fd(), TUNSETOFFLOAD, flags) == 0) {
        accepted = flags;
        break;
      }
    }
    EnumSet<Feature> f = EnumSet.noneOf(Feature.class);
    if ((accepted & TUN_F_CSUM) != 0) {
      f.add(Feature.CHECKSUM);
    }
    if ((accepted & TUN_F_TSO4) != 0) {
      f.add(Feature.TSO4);
    }
    if ((accepted & TUN_F_TSO6) != 0) {
      f.add(Feature.TSO6);
    }
    if ((accepted & TUN_F_USO4) != 0) {
      f.add(Feature.USO4);
    }
    if ((accepted & TUN_F_USO6) != 0) {
      f.add(Feature.USO6);
    }
    return new LinuxVnetTunDevice(fd, name, mtu, onClose, Set.copyOf(f));
  }

  @Override
  public Set<Feature> offloads() {
    return offloads;
  }

  /** Packets read that were dropped as malformed. */
  public long malformedReads() {
    return malformedReads.get();
  }

  /** GSO super-packets read from and written to the kernel. */
  public long[] superPackets() {
    return new long[] {superPacketsRead.get(), superPacketsWritten.get()};
  }

  @Override
  public int read(byte[][] bufs, int[] sizes, int offset) throws IOException {
    fd.enter();
    try {
      int n = 0;
      while (n < bufs.length) {
        if (splitting) {
          if (splitter.maxSegmentLength() > bufs[n].length - offset) {
            oversizeReads.incrementAndGet(); // the caller's buffers cannot hold a segment
            splitting = false;
            continue;
          }
          int len = splitter.next(bufs[n], offset);
          if (len >= 0) {
            sizes[n++] = len;
            continue;
          }
          splitting = false;
        }
        int len = readOnce(rawRead, RAW_MAX, n == 0);
        if (len < 0) {
          break;
        }
        if (len <= VirtioNetHeader.LENGTH) {
          malformedReads.incrementAndGet();
          continue;
        }
        rawRead.get(0, readStage, 0, len);
        splitting = splitter.start(readStage, 0, VirtioNetHeader.LENGTH,
            len - VirtioNetHeader.LENGTH);
        if (!splitting) {
          malformedReads.incrementAndGet();
        } else if (VirtioNetHeader.gsoType(readStage, 0) != VirtioNetHeader.GSO_NONE) {
          superPacketsRead.incrementAndGet();
        }
      }
      return n;
    } finally {
      fd.exit();
    }
  }

  @Override
  public int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
    fd.enter();
    try {
      coalescer.reset(bufs, sizes, offset, count);
      int written = 0;
      int len;
      while ((len = coalescer.next(writeStage)) >= 0) {
        rawWrite.put(0, writeStage, 0, len);
        boolean merged = VirtioNetHeader.gsoType(writeStage, 0) != VirtioNetHeader.GSO_NONE;
        if (writeOnce(rawWrite, len)) {
          written += coalescer.lastGroupSize();
          if (merged) {
            superPacketsWritten.incrementAndGet();
          }
        }
      }
      return written;
    } finally {
      fd.exit();
    }
  }

  @Override
  public String toString() {
    return "LinuxVnetTunDevice[" + name() + ", mtu " + mtu() + ", " + offloads + "]";
  }
}
