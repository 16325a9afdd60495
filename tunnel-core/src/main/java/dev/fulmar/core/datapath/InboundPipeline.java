package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.DropCounters;
import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspPacket;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSpec;
import dev.fulmar.core.esp.NonEspMarker;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From the gateway to the TUN device. One thread runs {@link #runInboundLoop()}; packets of one SA
 * are opened and written in arrival order.
 *
 * <pre>
 *  UDP.receive(batch, port 4500)   [an offload transport: recvmmsg, UDP GRO split again]
 *    ▼
 *  demux by non-ESP marker ──IKE──► IkePacketHandler (engine)
 *    │                     ──0xFF──► count keepalive
 *    ▼ ESP                 ──else──► drop NOT_ESP
 *  SPI lookup ──unknown──► drop UNKNOWN_SPI
 *    ▼
 *  replay check ─► ICV verify + decrypt in place ─► replay commit ─► padding/next header
 *    ▼                                          (each failure: drop with its reason, per SA)
 *  inner checks: well-formed, source and destination inside the negotiated TS
 *    ▼                                          [transport: IP header rebuilt]
 *  clamp MSS of SYNs
 *    ▼
 *  TUN.write(the whole batch at one common offset, one call)
 *                           [an offload device merges a flow's TCP segments into one burst]
 * </pre>
 *
 * <p>Coalescing belongs to the {@code core.spi} implementations: this pipeline only keeps the
 * batch whole (inner packets of every SA moved to one offset), so that they can use it.
 */
public final class InboundPipeline {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InboundPipeline.class);

  private final UdpTransport udp;
  private final SaTable sas;
  private final TunWriter tunWriter;
  private final BufferPool pool;
  private volatile IkePacketHandler ike;
  private final OutboundPipeline outbound;
  private final int headroom;
  private final DropCounters unattributed;
  private final EspPacket packet = new EspPacket();
  private final AtomicLong keepalives = new AtomicLong();
  private final AtomicLong ikeMessages = new AtomicLong();
  /** Per packet to write: where {@link #decapsulate} left it. */
  private int[] writeFrom;
  private int innerOffset;
  private int innerLength;
  private volatile boolean running = true;
  private boolean internalErrorLogged;
  private int ioErrors;

  InboundPipeline(UdpTransport udp, SaTable sas, TunWriter tunWriter, BufferPool pool,
      IkePacketHandler ike, OutboundPipeline outbound, int headroom) {
    this.udp = udp;
    this.sas = sas;
    this.tunWriter = tunWriter;
    this.pool = pool;
    this.ike = ike;
    this.outbound = outbound;
    this.headroom = headroom;
    this.unattributed = sas.unattributedCounters();
    this.writeFrom = new int[Math.max(1, udp.batchSize())];
  }

  /** Receives, opens and writes until the UDP transport is closed or {@link #stop()} is called. */
  public void runInboundLoop() {
    int n = Math.max(1, udp.batchSize());
    byte[][] bufs = new byte[n][];
    byte[][] writeBufs = new byte[n][];
    int[] sizes = new int[n];
    int[] writeSizes = new int[n];
    InetSocketAddress[] from = new InetSocketAddress[n];
    try {
      for (int i = 0; i < n; i++) {
        bufs[i] = pool.take();
      }
      while (running) {
        int count = receive(bufs, sizes, from);
        if (count < 0) {
          break;
        }
        try {
          processBatch(bufs, sizes, from, count, writeBufs, writeSizes);
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
   * Demultiplexes and opens one received batch and writes all its inner packets to the TUN in
   * one call. SAs with different header lengths leave inner packets at different offsets; each is
   * moved down to the lowest of them (moving down always fits), the batch's common offset.
   */
  void processBatch(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int count,
      byte[][] writeBufs, int[] writeSizes) {
    if (count > writeFrom.length) {
      writeFrom = new int[count];
    }
    int pending = 0;
    int writeOffset = Integer.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      byte[] buf = bufs[i];
      if (!demux(buf, sizes[i], from[i]) || !decapsulate(buf, sizes[i])) {
        continue;
      }
      writeOffset = Math.min(writeOffset, innerOffset);
      writeFrom[pending] = innerOffset;
      writeBufs[pending] = buf;
      writeSizes[pending++] = innerLength;
    }
    for (int k = 0; k < pending; k++) {
      if (writeFrom[k] != writeOffset) {
        System.arraycopy(writeBufs[k], writeFrom[k], writeBufs[k], writeOffset, writeSizes[k]);
      }
    }
    write(writeBufs, writeSizes, writeOffset, pending);
  }

  private void write(byte[][] bufs, int[] sizes, int offset, int count) {
    try {
      int written = tunWriter.write(bufs, sizes, offset, count);
      for (int i = written; i < count; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    } catch (IOException e) {
      for (int i = 0; i < count; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    }
  }

  /** True if the datagram is ESP; IKE and keepalives are handled here. */
  private boolean demux(byte[] buf, int len, InetSocketAddress from) {
    switch (NonEspMarker.classify(buf, headroom, len)) {
      case ESP:
        return true;
      case IKE:
        ikeMessages.incrementAndGet();
        try {
          ike.onIkePacket(buf, headroom + EspSpec.NON_ESP_MARKER_LENGTH,
              len - EspSpec.NON_ESP_MARKER_LENGTH, from);
        } catch (RuntimeException e) {
          internalError(e, 1);
        }
        return false;
      case NAT_KEEPALIVE:
        keepalives.incrementAndGet();
        return false;
      default:
        unattributed.countDrop(DropReason.NOT_ESP);
        return false;
    }
  }

  /** Opens the ESP packet and checks the inner packet; leaves it at innerOffset/innerLength. */
  private boolean decapsulate(byte[] buf, int len) {
    if (!sas.open(buf, headroom, len, packet)) {
      return false;
    }
    EspSa sa = packet.sa();
    int off = packet.offset();
    int plen = packet.length();
    if (sa.mode() == EspMode.TRANSPORT) {
      off = TransportMode.rebuild(sa, buf, off, plen, packet.nextHeader());
      if (off < 0) {
        return sa.drop(packet, DropReason.NO_BUFFER_SPACE);
      }
      plen += packet.offset() - off;
    }
    int total = IpPacket.validate(buf, off, plen);
    if (total < 0) {
      return sa.drop(packet, DropReason.BAD_INNER_PACKET);
    }
    if (!sa.coversInbound(buf, off, total)) {
      return sa.drop(packet, DropReason.TRAFFIC_SELECTOR_MISMATCH);
    }
    boolean v6 = IpPacket.version(buf, off) == 6;
    MssClamp.clamp(buf, off, total, MssClamp.maxMss(outbound.tunnelMtu(sa), v6));
    innerOffset = off;
    innerLength = total;
    return true;
  }

  /**
   * One receive. A transient error is counted and reported as 0; -1 means stop: the socket is
   * closed, or it failed {@link OutboundPipeline#MAX_CONSECUTIVE_IO_ERRORS} times in a row.
   */
  private int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from) {
    try {
      int n = udp.receive(bufs, sizes, from, headroom);
      ioErrors = 0;
      return n;
    } catch (ClosedChannelException e) {
      return -1;
    } catch (IOException e) {
      unattributed.countDrop(DropReason.IO_ERROR);
      if (++ioErrors < OutboundPipeline.MAX_CONSECUTIVE_IO_ERRORS) {
        return 0;
      }
      LOG.error("inbound data path: UDP receives keep failing, stopping", e);
      return -1;
    }
  }

  /** A bug (here or in the engine's handler) must not end the loop: count, log once. */
  private void internalError(RuntimeException e, int packets) {
    for (int i = 0; i < packets; i++) {
      unattributed.countDrop(DropReason.INTERNAL_ERROR);
    }
    if (!internalErrorLogged) {
      internalErrorLogged = true;
      LOG.error("inbound data path: unexpected failure (counted as INTERNAL_ERROR)", e);
    }
  }

  void setIkePacketHandler(IkePacketHandler handler) {
    this.ike = java.util.Objects.requireNonNull(handler);
  }

  /** NAT-keepalives received. */
  public long keepalivesReceived() {
    return keepalives.get();
  }

  /** IKE messages handed to the engine. */
  public long ikeMessagesReceived() {
    return ikeMessages.get();
  }

  public void stop() {
    running = false;
  }
}
