package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspSa;
import java.util.Map;

/**
 * A read-only snapshot of one SA's counters for the UI: packets and payload bytes that passed,
 * and drops by reason.
 *
 * @param childSaId the engine's CHILD_SA id
 * @param spi the SA's SPI
 * @param direction inbound or outbound
 * @param transform the transform's name, e.g. {@code AES-GCM-16-256}
 * @param packets packets sealed (outbound) or opened (inbound)
 * @param bytes inner payload bytes of those packets
 * @param drops non-zero drop counters by reason
 */
public record SaStats(long childSaId, int spi, EspSa.Direction direction, String transform,
    long packets, long bytes, Map<DropReason, Long> drops) {

  public SaStats {
    drops = Map.copyOf(drops);
  }

  static SaStats of(EspSa sa) {
    return new SaStats(sa.childSaId(), sa.spi(), sa.direction(), sa.transform().toString(),
        sa.counters().packets(), sa.counters().bytes(), sa.counters().dropsByReason());
  }

  /** Sum of all drops. */
  public long totalDrops() {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }
}
