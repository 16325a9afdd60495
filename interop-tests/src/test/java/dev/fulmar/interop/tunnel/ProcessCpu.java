package dev.fulmar.interop.tunnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) that a process and its descendants used, from {@code /proc/PID/stat},
 * in seconds. For a benchmark on a shared box: the client that needs fewer CPU seconds per
 * megabit leaves more of the machine to everything else (here, the gateway).
 */
final class ProcessCpu {
  /** {@code sysconf(_SC_CLK_TCK)}, 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /** CPU seconds of {@code pid} and every process below it; exited processes count 0. */
  static double seconds(long pid) {
    long ticks = ProcessHandle.of(pid)
        .map(h -> Stream.concat(Stream.of(h), h.descendants()))
        .orElseGet(Stream::empty)
        .mapToLong(h -> ticks(h.pid()))
        .sum();
    return ticks / TICKS_PER_SECOND;
  }

  /** utime + stime (fields 14 and 15 of proc(5)); the command name may contain spaces. */
  static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
      return parse(stat);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parse(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
