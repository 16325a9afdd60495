package dev.fulmar.helper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.datapath.DataPathStats;
import dev.fulmar.core.datapath.SaStats;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.helper.control.TrafficCounters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stats keep growing across a rekey, when the new SAs' counters start again at zero. */
class TrafficTotalsTest {
  private static SaStats sa(long child, int spi, EspSa.Direction d, long packets, long bytes) {
    return new SaStats(child, spi, d, "aes256gcm16", packets, bytes, Map.of());
  }

  private static DataPathStats stats(SaStats... sas) {
    return new DataPathStats(List.of(sas), Map.of(), 0, 0);
  }

  @Test
  void totalsSurviveARekey() {
    TrafficTotals t = new TrafficTotals();
    t.update(stats(sa(1, 0x10, EspSa.Direction.INBOUND, 10, 1000),
        sa(1, 0x20, EspSa.Direction.OUTBOUND, 5, 400)));
    // rekeyed: the old SAs are gone, the new ones count from zero
    TrafficCounters c = t.update(stats(sa(2, 0x30, EspSa.Direction.INBOUND, 2, 100),
        sa(2, 0x40, EspSa.Direction.OUTBOUND, 1, 60)));

    assertThat(c).isEqualTo(new TrafficCounters(1100, 460, 12, 6));
  }

  @Test
  void anEmptyDataPathCountsNothing() {
    assertThat(new TrafficTotals().update(stats())).isEqualTo(new TrafficCounters(0, 0, 0, 0));
  }
}
