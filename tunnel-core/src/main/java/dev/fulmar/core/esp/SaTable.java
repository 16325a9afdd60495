package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The installed SAs as the data path sees them: inbound SAs by SPI, outbound SAs in route order.
 * Writers (the engine, through {@link SaInstaller}) build a new immutable snapshot under a lock
 * and publish it with one volatile write; the data-path threads read the snapshot without locking
 * or allocating. Lookups are linear scans: a client has a handful of SAs.
 */
public final class SaTable implements SaInstaller {

  private static final class Entry {
    final long id;
    final EspSa inbound;
    final EspSa outbound;
    /** The SA whose outbound traffic this one takes over when it is deleted, or null. */
    final Long waitsFor;

    Entry(long id, EspSa inbound, EspSa outbound, Long waitsFor) {
      this.id = id;
      this.inbound = inbound;
      this.outbound = outbound;
      this.waitsFor = waitsFor;
    }
  }

  private static final class Snapshot {
    final Entry[] entries;
    final EspSa[] inbound;
    final EspSa[] routes;

    Snapshot(Entry[] entries, EspSa[] routes) {
      this.entries = entries;
      this.inbound = new EspSa[entries.length];
      for (int i = 0; i < entries.length; i++) {
        inbound[i] = entries[i].inbound;
      }
      this.routes = routes;
    }
  }

  private final DropCounters unattributed = new DropCounters();
  private volatile Snapshot snapshot = new Snapshot(new Entry[0], new EspSa[0]);
  private volatile SaEventListener listener = SaEventListener.NONE;

  @Override
  public synchronized void install(EspSaPair pair) throws GeneralSecurityException {
    Snapshot s = snapshot;
    Entry e = newEntry(s, pair, null);
    EspSa[] routes = Arrays.copyOf(s.routes, s.routes.length + 1);
    routes[routes.length - 1] = e.outbound;
    snapshot = new Snapshot(append(s.entries, e), routes);
  }

  @Override
  public synchronized void rekey(long oldChildSaId, EspSaPair newPair)
      throws GeneralSecurityException {
    Snapshot s = snapshot;
    Entry old = installed(s, oldChildSaId, newPair);
    Entry e = newEntry(s, newPair, null);
    snapshot = new Snapshot(append(s.entries, e), takeOver(s.routes, old.outbound, e.outbound));
  }

  @Override
  public synchronized void rekeyInboundFirst(long oldChildSaId, EspSaPair newPair)
      throws GeneralSecurityException {
    Snapshot s = snapshot;
    installed(s, oldChildSaId, newPair);
    Entry e = newEntry(s, newPair, oldChildSaId);
    snapshot = new Snapshot(append(s.entries, e), s.routes);
  }

  private static Entry installed(Snapshot s, long id, EspSaPair newPair) {
    Entry old = find(s, id);
    if (old == null) {
      newPair.wipeKeys();
      throw new IllegalArgumentException("no installed CHILD_SA " + id + " to rekey");
    }
    return old;
  }

  /** {@code routes} with {@code next} where {@code previous} was (or appended). */
  private static EspSa[] takeOver(EspSa[] routes, EspSa previous, EspSa next) {
    EspSa[] out = routes.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == previous) {
        out[i] = next;
        return out;
      }
    }
    out = Arrays.copyOf(out, out.length + 1);
    out[out.length - 1] = next;
    return out;
  }

  private Entry newEntry(Snapshot s, EspSaPair pair, Long waitsFor)
      throws GeneralSecurityException {
    try {
      if (find(s, pair.childSaId) != null) {
        throw new IllegalArgumentException("CHILD_SA " + pair.childSaId + " already installed");
      }
      if (inbound(s, pair.inboundSpi) != null) {
        throw new IllegalArgumentException(
            "inbound SPI " + Integer.toHexString(pair.inboundSpi) + " already installed");
      }
      EspSa in = EspSa.inbound(pair);
      EspSa out;
      try {
        out = EspSa.outbound(pair);
      } catch (GeneralSecurityException | RuntimeException e) {
        in.destroy();
        throw e;
      }
      out.setListener(listener);
      return new Entry(pair.childSaId, in, out, waitsFor);
    } finally {
      pair.wipeKeys();
    }
  }

  @Override
  public synchronized void delete(long childSaId) {
    Snapshot s = snapshot;
    Entry e = find(s, childSaId);
    if (e == null) {
      return;
    }
    List<Entry> entries = new ArrayList<>();
    EspSa[] routes = s.routes;
    for (Entry other : s.entries) {
      if (other == e) {
        continue;
      }
      if (other.waitsFor != null && other.waitsFor == childSaId) {
        // Only an SA that still carried the traffic hands it over: if a rekey of our own
        // replaced it meanwhile (a collision we won), the waiting one stays unrouted until the
        // peer deletes it.
        if (Arrays.asList(routes).contains(e.outbound)) {
          routes = takeOver(routes, e.outbound, other.outbound);
        }
        other = new Entry(other.id, other.inbound, other.outbound, null);
      }
      entries.add(other);
    }
    List<EspSa> left = new ArrayList<>(Arrays.asList(routes));
    left.remove(e.outbound);
    snapshot = new Snapshot(entries.toArray(new Entry[0]), left.toArray(new EspSa[0]));
    e.inbound.destroy();
    e.outbound.destroy();
  }

  @Override
  public synchronized void updatePeer(long childSaId, java.net.InetSocketAddress peer) {
    Entry e = find(snapshot, childSaId);
    if (e != null) {
      e.outbound.setPeer(peer);
      e.inbound.setPeer(peer);
    }
  }

  @Override
  public synchronized void deleteAll() {
    for (Entry e : snapshot.entries) {
      delete(e.id);
    }
  }

  @Override
  public synchronized void setListener(SaEventListener l) {
    this.listener = l == null ? SaEventListener.NONE : l;
    for (Entry e : snapshot.entries) {
      e.outbound.setListener(listener);
    }
  }

  private static Entry find(Snapshot s, long id) {
    for (Entry e : s.entries) {
      if (e.id == id) {
        return e;
      }
    }
    return null;
  }

  private static EspSa inbound(Snapshot s, int spi) {
    EspSa[] in = s.inbound;
    for (int i = 0; i < in.length; i++) {
      if (in[i].spi() == spi) {
        return in[i];
      }
    }
    return null;
  }

  private static Entry[] append(Entry[] a, Entry e) {
    Entry[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = e;
    return r;
  }

  /** The inbound SA with this SPI, or null. */
  public EspSa inbound(int spi) {
    return inbound(snapshot, spi);
  }

  /** The outbound SA of this CHILD_SA, or null. */
  public EspSa outboundOf(long childSaId) {
    Entry e = find(snapshot, childSaId);
    return e == null ? null : e.outbound;
  }

  /** The inbound SA of this CHILD_SA, or null. */
  public EspSa inboundOf(long childSaId) {
    Entry e = find(snapshot, childSaId);
    return e == null ? null : e.inbound;
  }

  /**
   * The outbound SA whose selectors cover the IP packet at {@code buf[off, off+len)} (its header
   * already validated), or null: the route lookup of the outbound pipeline.
   */
  public EspSa route(byte[] buf, int off, int len) {
    EspSa[] routes = snapshot.routes;
    for (int i = 0; i < routes.length; i++) {
      if (routes[i].coversOutbound(buf, off, len)) {
        return routes[i];
      }
    }
    return null;
  }

  /**
   * Opens the ESP packet at {@code buf[off, off+len)}: SPI lookup, then {@link EspSa#open}. Drops
   * before an SA is known count in {@link #unattributedCounters()}.
   */
  public boolean open(byte[] buf, int off, int len, EspPacket out) {
    out.sa = null;
    if (len < EspSpec.HEADER_LENGTH) {
      unattributed.countDrop(DropReason.TRUNCATED);
      return out.fail(DropReason.TRUNCATED);
    }
    EspSa sa = inbound(EspCipher.getInt(buf, off));
    if (sa == null) {
      unattributed.countDrop(DropReason.UNKNOWN_SPI);
      return out.fail(DropReason.UNKNOWN_SPI);
    }
    return sa.open(buf, off, len, out);
  }

  /** Counters for drops that no SA could be charged with (unknown SPI, truncated, no route). */
  public DropCounters unattributedCounters() {
    return unattributed;
  }

  /** Every installed SA, inbound and outbound, for statistics. */
  public List<EspSa> installed() {
    List<EspSa> all = new ArrayList<>();
    for (Entry e : snapshot.entries) {
      all.add(e.inbound);
      all.add(e.outbound);
    }
    return all;
  }
}
