package dev.fulmar.interop.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tcpdump capture inside a lab namespace (immediate mode, so short captures are complete), and
 * tshark queries on the result.
 *
 * <pre>{@code
 * PacketCapture cap = lab.capture(lab.gateway(), "g0", "udp port 500 or udp port 4500");
 * ... handshake ...
 * cap.stop();
 * assertThat(cap.count("isakmp.notify.msgtype == 16390")).isPositive(); // COOKIE
 * }</pre>
 */
public final class PacketCapture implements AutoCloseable {
  private final LabProcess tcpdump;
  private final Path file;

  private PacketCapture(LabProcess tcpdump, Path file) {
    this.tcpdump = tcpdump;
    this.file = file;
  }

  static PacketCapture start(Lab lab, Netns ns, String iface, String bpfFilter) {
    Path file = lab.uniqueFile("capture-" + ns.role() + "-" + iface, ".pcap");
    List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-U",
        "--immediate-mode", "-s", "0", "-w", file.toString()));
    if (bpfFilter != null && !bpfFilter.isBlank()) {
      cmd.add(bpfFilter);
    }
    LabProcess p = lab.start(ns, "tcpdump-" + ns.role() + "-" + iface, cmd);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new LabException("tcpdump exited: " + p.logTail(10));
      }
      if (p.logTail(5).contains("listening on")) {
        return new PacketCapture(p, file);
      }
      CharonDaemon.sleep(20);
    }
    throw new LabException("tcpdump on " + iface + " in " + ns + " did not start");
  }

  /**
   * Stops the capture and returns the pcap file. tcpdump drops what it has not yet read from the
   * kernel when it is signalled, so this first waits until the file has stopped growing for a
   * moment (packets are written one by one, {@code -U}).
   */
  public Path stop() {
    if (tcpdump.isAlive()) {
      awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
      tcpdump.stop(Duration.ofSeconds(5));
    }
    return file;
  }

  private void awaitQuiet(Duration quiet, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long size = bytes();
    long since = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - since < quiet.toNanos()) {
      CharonDaemon.sleep(50);
      long now = bytes();
      if (now != size) {
        size = now;
        since = System.nanoTime();
      }
    }
  }

  public Path file() {
    return file;
  }

  /** The values of tshark {@code fields} for each packet matching {@code displayFilter}. */
  public List<List<String>> fields(String displayFilter, String... fields) {
    stop();
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
        "-Y", displayFilter, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a"));
    for (String f : fields) {
      cmd.addAll(List.of("-e", f));
    }
    Cmd.Result r = Cmd.probe(Duration.ofSeconds(60), null, cmd).orThrow();
    List<List<String>> rows = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (!line.isEmpty()) {
        rows.add(List.of(line.split("\\|", -1)));
      }
    }
    return rows;
  }

  /** How many captured packets match the Wireshark display filter. */
  public int count(String displayFilter) {
    return fields(displayFilter, "frame.number").size();
  }

  /** Size of the pcap file in bytes (0 while nothing is flushed). */
  public long bytes() {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
