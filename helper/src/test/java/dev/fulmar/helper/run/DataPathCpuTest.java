package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-packet CPU line the Fulmar-to-Fulmar benchmark prints. */
class DataPathCpuTest {
  @Test
  void dividesThreadCpuTimeByPackets() {
    // 2 s of CPU (1.5 s of it in user mode) for 1,000,000 packets of 1400 B: 2 us each,
    // 1400*8/2000 = 5.6 bits per ns, 0.5 of 2 s in the kernel.
    assertThat(DataPathCpu.line("fulmar-dp-out", 2_000_000_000L, 1_500_000_000L, 1_000_000,
        1_400_000_000L))
        .isEqualTo("CPU fulmar-dp-out: 2000 ms for 1000000 packets of 1400 B on average:"
            + " 2.00 us/packet, 5.60 Gbit/s per core, 25 % of it in the kernel");
  }

  @Test
  void saysSoWhenNoPacketPassed() {
    assertThat(DataPathCpu.line("fulmar-dp-in", 5_000_000L, 4_000_000L, 0, 0))
        .isEqualTo("CPU fulmar-dp-in: 5 ms, no packets");
  }
}
