package dev.fulmar.core.esp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The same two operations as {@link EspSealOpenBenchmark}, measured per CPU-second of the
 * benchmark thread instead of per wall-clock second, and interleaved in one JVM (ESP round, JCE
 * round, ESP round, ...) so that both see the same JIT state. On a shared machine whose other
 * tenants steal the cores this gives a stable ratio where JMH's wall-clock scores swing; the
 * method follows {@code shared/notes/performance.md} §1b.
 *
 * <p>Arguments (optional): rounds per method (default 7), CPU milliseconds per round (250),
 * transforms (comma-separated; default {@code aes128gcm16,chacha20poly1305}).
 */
public final class EspCpuTimeRatio {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.ThreadMXBean ALLOC =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private EspCpuTimeRatio() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    long roundNs = (args.length > 1 ? Long.parseLong(args[1]) : 250) * 1_000_000L;
    String[] transforms = args.length > 2 ? args[2].split(",")
        : new String[] {"aes128gcm16", "chacha20poly1305"};
    System.out.println("transform          size  ESP seal+open /CPU-s  JCE enc+dec /CPU-s"
        + "  ratio (ESP time / JCE)  alloc B/op ESP  JCE");
    for (String transform : transforms) {
      for (int size : new int[] {64, 512, 1400}) {
        measure(transform, size, rounds, roundNs);
      }
    }
  }

  private static void measure(String transform, int size, int rounds, long roundNs)
      throws Exception {
    EspSealOpenBenchmark b = new EspSealOpenBenchmark();
    b.size = size;
    b.transform = transform;
    b.setUp();
    round(b, true, 1_500_000_000L); // warm-up both paths, C2 included
    round(b, false, 1_500_000_000L);
    double[] esp = new double[rounds];
    double[] jce = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      esp[r] = round(b, true, roundNs);
      jce[r] = round(b, false, roundNs);
    }
    double espAlloc = allocatedPerOp(b, true);
    double jceAlloc = allocatedPerOp(b, false);
    b.checkNoDrops();
    double e = median(esp);
    double j = median(jce);
    System.out.printf("%-17s %5d  %20.0f  %18.0f  %22.3f  %15.0f  %4.0f%n", transform, size, e,
        j, j / e, espAlloc, jceAlloc);
  }

  /** Runs one method until {@code cpuNs} of thread CPU time passed; returns ops per CPU-second. */
  private static double round(EspSealOpenBenchmark b, boolean esp, long cpuNs) throws Exception {
    long start = CPU.getCurrentThreadCpuTime();
    long ops = 0;
    long sink = 0;
    long now;
    do {
      for (int i = 0; i < 256; i++) {
        sink += esp ? b.espSealOpen() : b.jceSealOpen();
      }
      ops += 256;
      now = CPU.getCurrentThreadCpuTime();
    } while (now - start < cpuNs);
    if (sink == 42) {
      System.out.print("");
    }
    return ops * 1e9 / (now - start);
  }

  /** Heap bytes the benchmark thread allocates per operation (JCE's garbage included). */
  private static double allocatedPerOp(EspSealOpenBenchmark b, boolean esp) throws Exception {
    long id = Thread.currentThread().getId();
    int ops = 100_000;
    long before = ALLOC.getThreadAllocatedBytes(id);
    for (int i = 0; i < ops; i++) {
      if (esp) {
        b.espSealOpen();
      } else {
        b.jceSealOpen();
      }
    }
    return (ALLOC.getThreadAllocatedBytes(id) - before) / (double) ops;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
