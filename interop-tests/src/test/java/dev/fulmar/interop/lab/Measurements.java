package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures measured by interop tests (handshake times, throughput), printed and appended to
 * {@code target/lab/measurements.txt} so that reports and benchmark scripts can pick them up.
 */
public final class Measurements {
  private Measurements() {}

  /** Prints {@code what: value} and appends it, with a timestamp, to measurements.txt. */
  public static synchronized void record(String what, String value) {
    String line = what + ": " + value;
    System.out.println("measurement " + line);
    Path file = LabRuns.baseDir().resolve("measurements.txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Instant.now() + " " + line + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "median 41.2 ms (min 30.1, max 95.0, n=10)" for a series of handshakes. */
  public static String summarize(List<Handshake> handshakes) {
    List<Duration> d = new ArrayList<>(handshakes.stream().map(Handshake::elapsed).toList());
    d.sort(null);
    if (d.isEmpty()) {
      return "no samples";
    }
    Duration median = d.size() % 2 == 1 ? d.get(d.size() / 2)
        : d.get(d.size() / 2 - 1).plus(d.get(d.size() / 2)).dividedBy(2);
    return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f, n=%d)",
        ms(median), ms(d.get(0)), ms(d.get(d.size() - 1)), d.size());
  }

  private static double ms(Duration d) {
    return d.toNanos() / 1e6;
  }
}
