package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.DropReason;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the whole data path: per-SA counters, drops no SA could be charged with
 * (unknown SPI, no route, malformed datagrams), and the non-ESP traffic on the NAT-T socket.
 */
public record DataPathStats(List<SaStats> sas, Map<DropReason, Long> unattributedDrops,
    long keepalivesReceived, long ikeMessagesReceived) {

  public DataPathStats {
    sas = List.copyOf(sas);
    unattributedDrops = Map.copyOf(unattributedDrops);
  }

  /** Drops of {@code reason} over all SAs and the unattributed counters. */
  public long drops(DropReason reason) {
    long n = unattributedDrops.getOrDefault(reason, 0L);
    for (SaStats s : sas) {
      n += s.drops().getOrDefault(reason, 0L);
    }
    return n;
  }
}
