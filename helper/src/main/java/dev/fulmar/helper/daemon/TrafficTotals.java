package dev.fulmar.helper.daemon;

import dev.fulmar.core.datapath.DataPathStats;
import dev.fulmar.core.datapath.SaStats;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.helper.control.TrafficCounters;
import java.util.HashMap;
import java.util.Map;

/**
 * The tunnel's traffic since it came up, from the data path's per-SA counters. A rekey replaces
 * the SAs and their counters start again at zero, and an SA that was deleted is no longer in the
 * snapshot; so the last reading of every SA ever seen is kept and summed, and the totals only
 * grow. Thread-safe.
 */
final class TrafficTotals {
  private record Key(long childSaId, int spi, EspSa.Direction direction) {}

  private record Reading(long packets, long bytes) {}

  private final Map<Key, Reading> seen = new HashMap<>();

  /** Takes in a snapshot and returns the totals so far. */
  synchronized TrafficCounters update(DataPathStats stats) {
    for (SaStats sa : stats.sas()) {
      Key k = new Key(sa.childSaId(), sa.spi(), sa.direction());
      Reading before = seen.get(k);
      if (before == null || sa.bytes() >= before.bytes()) {
        seen.put(k, new Reading(sa.packets(), sa.bytes()));
      }
    }
    long bytesIn = 0;
    long bytesOut = 0;
    long packetsIn = 0;
    long packetsOut = 0;
    for (Map.Entry<Key, Reading> e : seen.entrySet()) {
      if (e.getKey().direction() == EspSa.Direction.INBOUND) {
        bytesIn += e.getValue().bytes();
        packetsIn += e.getValue().packets();
      } else {
        bytesOut += e.getValue().bytes();
        packetsOut += e.getValue().packets();
      }
    }
    return new TrafficCounters(bytesIn, bytesOut, packetsIn, packetsOut);
  }
}
