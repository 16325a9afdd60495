package dev.fulmar.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private final Formats en = new Formats(Locale.ENGLISH);
  private final Formats de = new Formats(Locale.GERMAN);

  @Test
  void bytesUseDecimalUnitsAndTheLocalesSeparator() {
    assertThat(en.bytes(0)).isEqualTo("0\u00a0B");
    assertThat(en.bytes(999)).isEqualTo("999\u00a0B");
    assertThat(en.bytes(1000)).isEqualTo("1.0\u00a0kB");
    assertThat(en.bytes(1_234_567)).isEqualTo("1.2\u00a0MB");
    assertThat(de.bytes(1_234_567)).isEqualTo("1,2\u00a0MB");
    assertThat(en.bytes(45_600_000_000L)).isEqualTo("46\u00a0GB");
    assertThat(en.bytes(999_960)).isEqualTo("1.0\u00a0MB");
  }

  @Test
  void negativeCountsShowAsZero() {
    assertThat(en.bytes(-5)).isEqualTo("0\u00a0B");
  }

  @Test
  void ratesArePerSecond() {
    assertThat(en.rate(2_500)).isEqualTo("2.5\u00a0kB/s");
  }

  @Test
  void elapsedTimeReadsLikeAClock() {
    assertThat(en.elapsed(Duration.ofSeconds(5))).isEqualTo("0:00:05");
    assertThat(en.elapsed(Duration.ofSeconds(12 * 3600 + 34 * 60 + 56))).isEqualTo("12:34:56");
    assertThat(en.elapsed(Duration.ofSeconds(2 * 86400 + 3 * 3600 + 4 * 60 + 5)))
        .isEqualTo("2\u00a0d 03:04:05");
    assertThat(en.elapsed(Duration.ofSeconds(-3))).isEqualTo("0:00:00");
  }
}
