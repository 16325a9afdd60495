package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.DropCounters;
import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspPacket;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSpec;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;

/**
 * From the TUN device to the gateway. One thread runs {@link #runOutboundLoop()}; it owns its
 * batch buffers and the outbound SAs' ciphers while it seals, so packets of one SA leave in the
 * order the TUN gave them.
 *
 * <pre>
 *  TUN.read(batch)          [an offload device hands over TSO bursts already cut into packets]
 *    ▼
 *  validateInner ──bad──► drop BAD_INNER_PACKET
 *    ▼
 *  route (SA whose TS cover src/dst) ──none──► drop NO_ROUTE
 *    ▼
 *  clamp MSS of SYNs to the tunnel MTU
 *    ▼
 *  fits tunnel MTU? ──no, DF/IPv6──► ICMP too-big ─► TUN (TunWriter), drop TOO_BIG
 *    ▼
 *  ESP seal in place (header+IV into headroom, trailer+ICV after)   [transport: IP header cut]
 *    ▼
 *  UDP.send(every sealed packet of the batch for one peer, one call)
 *                           [an offload transport sends them with sendmmsg and UDP GSO]
 * </pre>
 *
 * <p>Segmentation and GSO belong to the {@code core.spi} implementations: this pipeline only
 * keeps batches whole, so that they can use them.
 */
public final class OutboundPipeline {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OutboundPipeline.class);

  private final TunDevice tun;
  private final UdpTransport udp;
  private final SaTable sas;
  private final TunWriter tunWriter;
  private final BufferPool pool;
  private final int pathMtu;
  private final int headroom;
  private final DropCounters unattributed;
  private final EspPacket packet = new EspPacket();
  private final byte[][] icmpBuf = new byte[1][];
  private final int[] icmpSize = new int[1];
  /** Per batch slot: the peer of the sealed packet (null once dropped or sent), its place. */
  private InetSocketAddress[] sealedPeer;
  private int[] sealedOffset;
  private int[] sealedLength;
  private volatile boolean running = true;
  private boolean internalErrorLogged;
  private int ioErrors;

  OutboundPipeline(TunDevice tun, UdpTransport udp, SaTable sas, TunWriter tunWriter,
      BufferPool pool, int pathMtu, int headroom) {
    this.tun = tun;
    this.udp = udp;
    this.sas = sas;
    this.tunWriter = tunWriter;
    this.pool = pool;
    this.pathMtu = pathMtu;
    this.headroom = headroom;
    this.unattributed = sas.unattributedCounters();
    this.icmpBuf[0] = new byte[headroom + IcmpTooBig.MAX_IPV6_REPLY];
    slots(Math.max(1, tun.batchSize()));
  }

  /** Reads, seals and sends until the TUN device is closed or {@link #stop()} is called. */
  public void runOutboundLoop() {
    int n = Math.max(1, tun.batchSize());
    byte[][] bufs = new byte[n][];
    byte[][] sendBufs = new byte[n][];
    int[] sizes = new int[n];
    int[] sendSizes = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        bufs[i] = pool.take();
      }
      while (running) {
        int count = read(bufs, sizes);
        if (count < 0) {
          break;
        }
        try {
          processBatch(bufs, sizes, count, sendBufs, sendSizes);
        } catch (RuntimeException e) {
          internalError(e, count);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (int i = 0; i < n; i++) {
        if (bufs[i] != null) {
          pool.give(bufs[i]);
        }
      }
    }
  }

  /**
   * Seals a batch read from the TUN (packets at {@code headroom}) and sends it: one {@link
   * UdpTransport#send} per peer carrying all of that peer's packets in TUN order.
   */
  void processBatch(byte[][] bufs, int[] sizes, int count, byte[][] sendBufs, int[] sendSizes) {
    if (count > sealedPeer.length) {
      slots(count);
    }
    for (int i = 0; i < count; i++) {
      EspSa sa = encapsulate(bufs[i], sizes[i]);
      sealedPeer[i] = sa == null ? null : sa.peer();
      sealedOffset[i] = packet.offset();
      sealedLength[i] = packet.length();
    }
    for (int i = 0; i < count; i++) {
      if (sealedPeer[i] != null) {
        sendToPeerOf(i, bufs, count, sendBufs, sendSizes);
      }
    }
  }

  /**
   * Sends the sealed packets {@code i..count) that go to the peer of packet {@code i}, in one
   * call. Packets of SAs with another header length are moved down to the lowest offset (moving
   * down always fits), so that the batch shares one offset as the transport requires.
   */
  private void sendToPeerOf(int i, byte[][] bufs, int count, byte[][] sendBufs,
      int[] sendSizes) {
    InetSocketAddress to = sealedPeer[i];
    int offset = sealedOffset[i];
    for (int j = i + 1; j < count; j++) {
      if (to.equals(sealedPeer[j])) {
        offset = Math.min(offset, sealedOffset[j]);
      }
    }
    int n = 0;
    for (int j = i; j < count; j++) {
      if (!to.equals(sealedPeer[j])) {
        continue;
      }
      if (sealedOffset[j] != offset) {
        System.arraycopy(bufs[j], sealedOffset[j], bufs[j], offset, sealedLength[j]);
      }
      sendBufs[n] = bufs[j];
      sendSizes[n++] = sealedLength[j];
      sealedPeer[j] = null;
    }
    send(sendBufs, sendSizes, offset, n, to);
  }

  private void slots(int n) {
    sealedPeer = new InetSocketAddress[n];
    sealedOffset = new int[n];
    sealedLength = new int[n];
  }

  /** The pipeline's stages for one packet; returns the SA that sealed it, or null if dropped. */
  private EspSa encapsulate(byte[] buf, int len) {
    int total = IpPacket.validate(buf, headroom, len);
    if (total < 0) {
      unattributed.countDrop(DropReason.BAD_INNER_PACKET);
      return null;
    }
    EspSa sa = sas.route(buf, headroom, total);
    if (sa == null) {
      unattributed.countDrop(DropReason.NO_ROUTE);
      return null;
    }
    int mtu = tunnelMtu(sa);
    boolean v6 = IpPacket.version(buf, headroom) == 6;
    MssClamp.clamp(buf, headroom, total, MssClamp.maxMss(mtu, v6));
    if (tooBig(buf, total, mtu, v6)) {
      sa.drop(packet, DropReason.TOO_BIG);
      replyTooBig(buf, total, v6 ? Math.max(mtu, IcmpTooBig.IPV6_MIN_MTU) : mtu);
      return null;
    }
    boolean sealed;
    if (sa.mode() == EspMode.TRANSPORT) {
      int ihl = TransportMode.headerLength(buf, headroom);
      sealed = sa.seal(buf, headroom + ihl, total - ihl,
          TransportMode.protocol(buf, headroom), packet);
    } else {
      sealed = sa.seal(buf, headroom, total, EspSpec.nextHeaderForInner(buf, headroom), packet);
    }
    return sealed ? sa : null;
  }

  private boolean tooBig(byte[] buf, int total, int mtu, boolean v6) {
    if (total <= mtu) {
      return false;
    }
    return v6 ? total > IcmpTooBig.IPV6_MIN_MTU : IpPacket.dontFragment(buf, headroom);
  }

  private void replyTooBig(byte[] buf, int total, int mtu) {
    icmpSize[0] = IcmpTooBig.build(buf, headroom, total, mtu, icmpBuf[0], headroom);
    try {
      tunWriter.write(icmpBuf, icmpSize, headroom, 1);
    } catch (IOException e) {
      unattributed.countDrop(DropReason.IO_ERROR);
    }
  }

  /** The tunnel MTU for packets through {@code sa}. */
  int tunnelMtu(EspSa sa) {
    return TunnelMtu.compute(pathMtu, sa.peer().getAddress() instanceof Inet6Address,
        sa.transform());
  }

  private void send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to) {
    try {
      int sent = udp.send(bufs, sizes, offset, count, to);
      for (int i = sent; i < count; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    } catch (IOException e) {
      for (int i = 0; i < count; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    }
  }

  /** Consecutive failed reads after which the loop gives up (the device is gone). */
  static final int MAX_CONSECUTIVE_IO_ERRORS = 100;

  /**
   * One TUN read. A transient error is counted and reported as 0 packets; -1 means stop: the
   * device is closed, or it failed {@link #MAX_CONSECUTIVE_IO_ERRORS} times in a row.
   */
  private int read(byte[][] bufs, int[] sizes) {
    try {
      int n = tun.read(bufs, sizes, headroom);
      ioErrors = 0;
      return n;
    } catch (ClosedChannelException e) {
      return -1;
    } catch (IOException e) {
      unattributed.countDrop(DropReason.IO_ERROR);
      if (++ioErrors < MAX_CONSECUTIVE_IO_ERRORS) {
        return 0;
      }
      LOG.error("outbound data path: TUN reads keep failing, stopping", e);
      return -1;
    }
  }

  /** A bug must not end the loop: count the batch, log the first occurrence. */
  private void internalError(RuntimeException e, int packets) {
    for (int i = 0; i < packets; i++) {
      unattributed.countDrop(DropReason.INTERNAL_ERROR);
    }
    if (!internalErrorLogged) {
      internalErrorLogged = true;
      LOG.error("outbound data path: unexpected failure (counted as INTERNAL_ERROR)", e);
    }
  }

  /** Ends the loop after the current batch (the caller also closes or interrupts the reader). */
  public void stop() {
    running = false;
  }
}
