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
 *  UDP.receive(batch, port 4500)   [offload: UDP GRO entries split into datagrams]
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
 *  TUN.write(batch at one common offset)
 *    [offload: adjacent in-order TCP segments merged (TcpCoalescer) ─► TUN.writeSuperPackets]
 * </pre>
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
  /** Largest UDP GRO entry (64 KiB of datagrams). */
  static final int MAX_COALESCED = 65535;

  private final TcpCoalescer coalescer;
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
    TunSegmentationOffload tso = tunWriter.offload();
    this.coalescer = tso == null ? null
        : new TcpCoalescer(Math.max(1, udp.batchSize()), tso.maxSuperPacket(), headroom);
  }

  /** Receives, opens and writes until the UDP transport is closed or {@link #stop()} is called. */
  public void runInboundLoop() {
    UdpGroReceiver gro = udp instanceof UdpSegmentationOffload
        ? new UdpGroReceiver((UdpSegmentationOffload) udp, Math.max(1, udp.batchSize()),
            MAX_COALESCED) : null;
    int n = gro != null ? gro.maxSegments() : Math.max(1, udp.batchSize());
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
        int received = receive(gro, bufs, sizes, from);
        if (received < 0) {
          break;
        }
        int entries = gro != null ? received : Math.min(received, 1);
        for (int e = 0; e < entries; e++) {
          int count = gro != null ? gro.split(e, bufs, sizes, from, headroom) : received;
          try {
            processBatch(bufs, sizes, from, count, writeBufs, writeSizes);
          } catch (RuntimeException ex) {
            internalError(ex, count);
          }
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

  /** Demultiplexes and opens one received batch and writes the inner packets to the TUN. */
  void processBatch(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int count,
      byte[][] writeBufs, int[] writeSizes) {
    if (coalescer != null) {
      processBatchCoalescing(bufs, sizes, from, count);
      return;
    }
    int pending = 0;
    int writeOffset = -1;
    for (int i = 0; i < count; i++) {
      byte[] buf = bufs[i];
      if (!demux(buf, sizes[i], from[i]) || !decapsulate(buf, sizes[i])) {
        continue;
      }
      if (pending > 0 && innerOffset != writeOffset) { // another SA's header length
        if (writeOffset + innerLength <= buf.length) {
          System.arraycopy(buf, innerOffset, buf, writeOffset, innerLength);
        } else {
          write(writeBufs, writeSizes, writeOffset, pending);
          pending = 0;
        }
      }
      if (pending == 0) {
        writeOffset = innerOffset;
      }
      writeBufs[pending] = buf;
      writeSizes[pending++] = innerLength;
    }
    write(writeBufs, writeSizes, writeOffset, pending);
  }

  /** The same stages with TCP segments merged (GRO) before one offload write. */
  private void processBatchCoalescing(byte[][] bufs, int[] sizes, InetSocketAddress[] from,
      int count) {
    coalescer.reset();
    for (int i = 0; i < count; i++) {
      byte[] buf = bufs[i];
      if (!demux(buf, sizes[i], from[i]) || !decapsulate(buf, sizes[i])) {
        continue;
      }
      if (!coalescer.add(buf, innerOffset, innerLength)) {
        writeCoalesced();
        coalescer.reset();
        if (!coalescer.add(buf, innerOffset, innerLength)) {
          packet.sa().drop(packet, DropReason.NO_BUFFER_SPACE);
        }
      }
    }
    writeCoalesced();
  }

  private void writeCoalesced() {
    coalescer.finish();
    int n = coalescer.count();
    try {
      int written = tunWriter.writeSuper(coalescer.buffers(), coalescer.sizes(), coalescer.gso(),
          coalescer.offset(), n);
      for (int i = written; i < n; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    } catch (IOException e) {
      for (int i = 0; i < n; i++) {
        unattributed.countDrop(DropReason.IO_ERROR);
      }
    }
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
   * One receive: datagrams (plain) or coalesced entries (GRO). A transient error is counted and
   * reported as 0; -1 means stop: the socket is closed, or it failed {@link
   * OutboundPipeline#MAX_CONSECUTIVE_IO_ERRORS} times in a row.
   */
  private int receive(UdpGroReceiver gro, byte[][] bufs, int[] sizes, InetSocketAddress[] from) {
    try {
      int n = gro != null ? gro.receive() : udp.receive(bufs, sizes, from, headroom);
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
