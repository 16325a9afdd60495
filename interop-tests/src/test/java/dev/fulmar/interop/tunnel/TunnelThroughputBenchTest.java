package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics benchmark 2 prints; the benchmark itself is not a test. */
class TunnelThroughputBenchTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    assertThat(TunnelThroughputBench.median(List.of(649.0, 535.0, 581.0))).isEqualTo(581.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(TunnelThroughputBench.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void medianOfNothingIsNotANumber() {
    assertThat(TunnelThroughputBench.median(List.of())).isNaN();
  }

  @Test
  void mbitsPerCoreIsZeroWhenNoCpuWasMeasured() {
    assertThat(new TunnelThroughputBench.Sample(800, 0.4, 1.2, 10, 10).mbitsPerClientCore())
        .isEqualTo(2000);
    assertThat(new TunnelThroughputBench.Sample(800, 0, 1.2, 10, 10).mbitsPerClientCore())
        .isZero();
  }
}
