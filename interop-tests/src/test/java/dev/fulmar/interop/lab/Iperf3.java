package dev.fulmar.interop.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * iperf3 between lab namespaces: a server started on demand (usually on the LAN host) and a
 * client run with {@code --json}, parsed.
 *
 * <pre>{@code
 * lab.startIperfServer();
 * Iperf3.Result r = Iperf3.client(Lab.LAN_HOST_IP).seconds(5).run(lab.client());
 * System.out.printf("%.0f Mbit/s%n", r.receivedBitsPerSecond() / 1e6);
 * }</pre>
 */
public final class Iperf3 {
  public static final int PORT = 5201;

  private final String server;
  private int seconds = 5;
  private boolean udp;
  private String bitrate;
  private boolean reverse;
  private int streams = 1;

  private Iperf3(String server) {
    this.server = server;
  }

  public static Iperf3 client(String server) {
    return new Iperf3(server);
  }

  public Iperf3 seconds(int s) {
    this.seconds = s;
    return this;
  }

  /** UDP at {@code bitrate} (e.g. "200M") instead of TCP. */
  public Iperf3 udp(String bitrate) {
    this.udp = true;
    this.bitrate = bitrate;
    return this;
  }

  /** Server sends, client receives ({@code -R}). */
  public Iperf3 reverse() {
    this.reverse = true;
    return this;
  }

  public Iperf3 parallel(int n) {
    this.streams = n;
    return this;
  }

  /**
   * Throughput as iperf3 reports it at the end: bits per second sent and received, TCP
   * retransmissions, UDP loss; {@code json} is iperf3's whole report.
   */
  public record Result(double sentBitsPerSecond, double receivedBitsPerSecond, long retransmits,
      double lostPercent, JsonNode json) {}

  public Result run(Netns from) {
    List<String> cmd = new ArrayList<>(List.of("iperf3", "-c", server, "-p",
        Integer.toString(PORT), "-t", Integer.toString(seconds), "-P", Integer.toString(streams),
        "--json"));
    if (udp) {
      cmd.addAll(List.of("-u", "-b", bitrate));
    }
    if (reverse) {
      cmd.add("-R");
    }
    Cmd.Result r = from.probe(Duration.ofSeconds(seconds + 30L), cmd.toArray(String[]::new));
    Result parsed = parse(r.stdout());
    if (!r.ok()) {
      throw new LabException("iperf3 to " + server + " failed: " + error(parsed, r));
    }
    return parsed;
  }

  private static String error(Result parsed, Cmd.Result r) {
    return parsed.json() != null && parsed.json().has("error")
        ? parsed.json().get("error").asText() : r.stderr() + r.stdout();
  }

  static Result parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new LabException("iperf3 printed no JSON: " + json, e);
    }
    JsonNode end = root.path("end");
    if (end.has("sum_sent")) { // TCP
      JsonNode sent = end.path("sum_sent");
      return new Result(sent.path("bits_per_second").asDouble(),
          end.path("sum_received").path("bits_per_second").asDouble(),
          sent.path("retransmits").asLong(), 0, root);
    }
    JsonNode sum = end.path("sum");
    return new Result(sum.path("bits_per_second").asDouble(), sum.path("bits_per_second")
        .asDouble() * (1 - sum.path("lost_percent").asDouble() / 100), 0,
        sum.path("lost_percent").asDouble(), root);
  }

  /** Starts {@code iperf3 -s} in {@code ns} and waits until it listens. */
  static LabProcess startServer(Lab lab, Netns ns) {
    LabProcess p = lab.start(ns, "iperf3-server-" + ns.role(),
        List.of("iperf3", "-s", "-p", Integer.toString(PORT)));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new LabException("iperf3 server exited: " + p.logTail(10));
      }
      Cmd.Result ss = ns.probe("ss", "-Hltn", "sport = :" + PORT);
      if (ss.ok() && !ss.stdout().isBlank()) {
        return p;
      }
      CharonDaemon.sleep(20);
    }
    throw new LabException("iperf3 server in " + ns + " is not listening on " + PORT);
  }
}
