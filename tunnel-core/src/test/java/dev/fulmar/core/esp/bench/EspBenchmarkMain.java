package dev.fulmar.core.esp.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EspSealOpenBenchmark} and prints, per transform and packet size, the time ratio of
 * ESP seal+open to the raw JCE encrypt+decrypt of the same AEAD measured in the same run (target
 * for AES-GCM at 1400 B: at most 1.15).
 *
 * <p>Arguments (optional): forks, warm-up iterations, measurement iterations, seconds each.
 */
public final class EspBenchmarkMain {
  private EspBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Options opts = new OptionsBuilder()
        .include(EspSealOpenBenchmark.class.getName())
        .forks(forks)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .build();
    Collection<RunResult> results = new Runner(opts).run();
    Map<String, double[]> byCase = new TreeMap<>();
    for (RunResult r : results) {
      String key = String.format("%-17s %5d", r.getParams().getParam("transform"),
          Integer.parseInt(r.getParams().getParam("size")));
      double score = r.getPrimaryResult().getScore();
      double[] pair = byCase.computeIfAbsent(key, k -> new double[2]);
      pair[r.getParams().getBenchmark().endsWith("espSealOpen") ? 0 : 1] = score;
    }
    System.out.println();
    System.out.println("transform          size  ESP seal+open ops/s  JCE enc+dec ops/s"
        + "  ratio (ESP time / JCE)");
    for (Map.Entry<String, double[]> e : byCase.entrySet()) {
      double esp = e.getValue()[0];
      double jce = e.getValue()[1];
      System.out.printf("%s  %19.0f  %17.0f  %.3f%n", e.getKey(), esp, jce, jce / esp);
    }
  }
}
