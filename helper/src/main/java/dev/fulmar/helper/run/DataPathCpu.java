package dev.fulmar.helper.run;

import dev.fulmar.core.datapath.DataPathStats;
import dev.fulmar.core.datapath.SaStats;
import dev.fulmar.core.esp.EspSa;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of the data path's threads per packet, the figure a benchmark on a shared machine can
 * quote (wall-clock throughput there depends on the neighbours): {@code fulmar-dp-out} against
 * the packets sealed, {@code fulmar-dp-in} against the packets opened, the throughput one core
 * would give at the average packet size, and how much of the time the kernel spent in the
 * thread's system calls (TUN reads and writes, UDP sends and receives, and on a veth pair the
 * peer's receive processing the send triggers), which Java code cannot shorten.
 */
final class DataPathCpu {
  private DataPathCpu() {}

  /** One line per data-path thread; call while the threads still run. */
  static List<String> describe(DataPathStats stats) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<String> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      boolean outbound = t.getName().equals("fulmar-dp-out");
      if (!outbound && !t.getName().equals("fulmar-dp-in")) {
        continue;
      }
      long cpuNanos = mx.getThreadCpuTime(t.getId());
      long userNanos = mx.getThreadUserTime(t.getId());
      EspSa.Direction dir = outbound ? EspSa.Direction.OUTBOUND : EspSa.Direction.INBOUND;
      long packets = 0;
      long bytes = 0;
      for (SaStats s : stats.sas()) {
        if (s.direction() == dir) {
          packets += s.packets();
          bytes += s.bytes();
        }
      }
      out.add(line(t.getName(), cpuNanos, userNanos, packets, bytes));
    }
    return out;
  }

  static String line(String thread, long cpuNanos, long userNanos, long packets, long bytes) {
    if (packets == 0 || cpuNanos <= 0) {
      return String.format(Locale.ROOT, "CPU %s: %d ms, no packets", thread, cpuNanos / 1_000_000);
    }
    double nsPerPacket = (double) cpuNanos / packets;
    double avg = (double) bytes / packets;
    double kernelShare = userNanos < 0 ? 0 : 100.0 * Math.max(0, cpuNanos - userNanos) / cpuNanos;
    return String.format(Locale.ROOT,
        "CPU %s: %d ms for %d packets of %.0f B on average: %.2f us/packet, %.2f Gbit/s per core,"
            + " %.0f %% of it in the kernel",
        thread, cpuNanos / 1_000_000, packets, avg, nsPerPacket / 1000, avg * 8 / nsPerPacket,
        kernelShare);
  }
}
