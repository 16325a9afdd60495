package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateHistoryTest {

  @Test
  void keepsTheNewestSamplesOldestFirst() {
    RateHistory h = new RateHistory(3);
    for (int i = 1; i <= 5; i++) {
      h.add(i * 10, i);
    }
    assertThat(h.size()).isEqualTo(3);
    assertThat(new long[] {h.in(0), h.in(1), h.in(2)}).containsExactly(30, 40, 50);
    assertThat(h.out(2)).isEqualTo(5);
    assertThat(h.peak()).isEqualTo(50);
  }

  @Test
  void peakIsAtLeastOneSoAnIdleGraphHasAScale() {
    RateHistory h = new RateHistory(4);
    h.add(0, -7);
    assertThat(h.peak()).isEqualTo(1);
    assertThat(h.out(0)).isZero();
  }

  @Test
  void clearStartsANewGraph() {
    RateHistory h = new RateHistory(4);
    h.add(1, 1);
    h.clear();
    assertThat(h.size()).isZero();
    assertThatThrownBy(() -> h.in(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
