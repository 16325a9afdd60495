package dev.fulmar.core.esp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (docs/benchmarks.md §1): ChaCha20 key stream + XOR per packet size, {@link
 * ChaCha20#xor} against the scalar path alone (one {@link ChaCha20#block} per 64 bytes, which is
 * what {@code xor} did for every length before {@link ChaCha20Lanes}), in the same JVM.
 *
 * <p>Per thread CPU time, so that other processes on a shared machine count less than in wall
 * clock time; the two are interleaved in short slices, and each round gives one ratio. Prints per
 * size the median times and the median of the per-round ratios (above 1 = {@code xor} faster).
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes dev.fulmar.core.esp.ChaCha20CpuTime
 * [rounds [cpu-ms-per-slice [sizes]]]}, default 21 30 64,512,1400.
 */
final class ChaCha20CpuTime {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int N0 = 0x01020304;
  private static final int N1 = 0x05060708;
  private static final int N2 = 0x090a0b0c;

  private final ChaCha20 chacha = new ChaCha20();
  private final byte[] buf = new byte[65536];
  private final long sliceNanos;

  private ChaCha20CpuTime(long sliceMillis) {
    byte[] key = new byte[ChaCha20.KEY_LENGTH];
    Arrays.fill(key, (byte) 0x5a);
    chacha.setKey(key, 0);
    sliceNanos = sliceMillis * 1_000_000L;
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    long sliceMillis = args.length > 1 ? Long.parseLong(args[1]) : 30;
    int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "64,512,1400").split(","))
        .mapToInt(Integer::parseInt).toArray();
    ChaCha20CpuTime bench = new ChaCha20CpuTime(sliceMillis);
    for (int size : sizes) {
      bench.slice(false, size);
      bench.slice(true, size);
    }
    double[][] scalar = new double[sizes.length][rounds];
    double[][] xor = new double[sizes.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < sizes.length; i++) {
        scalar[i][r] = bench.slice(false, sizes[i]);
        xor[i][r] = bench.slice(true, sizes[i]);
      }
    }
    System.out.println("size, scalar us, xor us, ratio scalar/xor (medians of " + rounds + ")");
    for (int i = 0; i < sizes.length; i++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = scalar[i][r] / xor[i][r];
      }
      System.out.printf(Locale.ROOT, "%d, %.3f, %.3f, %.2f%n", sizes[i], median(scalar[i]),
          median(xor[i]), median(ratio));
    }
  }

  /** Runs one variant for a slice of CPU time; returns microseconds per packet. */
  private double slice(boolean lanes, int size) {
    long start = THREADS.getCurrentThreadCpuTime();
    long ops = 0;
    long used;
    do {
      for (int i = 0; i < 100; i++) {
        if (lanes) {
          chacha.xor(1, N0, N1, N2, buf, 0, size);
        } else {
          scalarXor(size);
        }
      }
      ops += 100;
      used = THREADS.getCurrentThreadCpuTime() - start;
    } while (used < sliceNanos);
    return used / 1000.0 / ops;
  }

  /** The scalar path for every length, as {@code xor} was: one block per 64 bytes. */
  private void scalarXor(int len) {
    int counter = 1;
    int p = 0;
    for (; p + ChaCha20.BLOCK_LENGTH <= len; p += ChaCha20.BLOCK_LENGTH) {
      int[] b = chacha.block(counter++, N0, N1, N2);
      for (int i = 0; i < 16; i++) {
        int at = p + 4 * i;
        INTS.set(buf, at, (int) INTS.get(buf, at) ^ b[i]);
      }
    }
    if (p < len) {
      int[] b = chacha.block(counter, N0, N1, N2);
      for (int i = 0; p + i < len; i++) {
        buf[p + i] ^= (byte) (b[i >> 2] >>> ((i & 3) << 3));
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
