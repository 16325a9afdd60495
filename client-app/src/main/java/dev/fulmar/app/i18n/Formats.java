package dev.fulmar.app.i18n;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/**
 * Numbers as people read them in the user's language: byte counts and rates with decimal (SI)
 * units, and durations as a clock ({@code 1:02:03}, with days in front when needed).
 */
public final class Formats {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
  private final Locale locale;

  public Formats(Locale locale) {
    this.locale = locale;
  }

  /** E.g. {@code 0 B}, {@code 999 B}, {@code 1.2 MB} ({@code 1,2 MB} in German). */
  public String bytes(long n) {
    if (n < 0) {
      n = 0;
    }
    if (n < 1000) {
      return n + "\u00a0B";
    }
    double v = n;
    int unit = 0;
    while (v >= 999.95 && unit < UNITS.length - 1) {
      v /= 1000;
      unit++;
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(v < 10 ? 1 : 0);
    f.setMaximumFractionDigits(v < 10 ? 1 : 0);
    return f.format(v) + "\u00a0" + UNITS[unit];
  }

  /** E.g. {@code 1.2 MB/s}. */
  public String rate(long bytesPerSecond) {
    return bytes(bytesPerSecond) + "/s";
  }

  /** E.g. {@code 0:00:05}, {@code 12:34:56}, {@code 2 d 03:04:05}. */
  public String elapsed(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    long h = s / 3600 % 24;
    long m = s / 60 % 60;
    long sec = s % 60;
    if (days > 0) {
      return String.format(locale, "%d\u00a0d %02d:%02d:%02d", days, h, m, sec);
    }
    return String.format(locale, "%d:%02d:%02d", h, m, sec);
  }
}
