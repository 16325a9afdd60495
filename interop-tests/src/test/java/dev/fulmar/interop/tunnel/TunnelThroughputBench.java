package dev.fulmar.interop.tunnel;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Iperf3;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 2 of the data-path issue, not a test (no assertion on speed; it is never run by CI:
 * the name does not match the IT pattern). One lab, one strongSwan 5.9.8 gateway, one iperf3
 * server on the LAN host; for each ESP proposal, iperf3 TCP from the client namespace through
 * strongSwan's own client, then through {@code fulmard run} with offloads, then with {@code
 * --plain}, interleaved, all in the same run, and that {@code bench.rounds} times over (3 by
 * default); prints the median Mbit/s of each client, the ratio of the medians and the ratio of
 * each round, with the load average. Run with {@code interop-tests/bench/tunnel-vs-strongswan.sh}.
 *
 * <p>Every tunnel first carries an unmeasured warm-up run ({@code bench.warmup} seconds, 5 by
 * default), the same for both clients: a freshly started JVM spends its first seconds compiling
 * (about a tenth of this machine's CPU in a 10 s run), which a helper that runs for days never
 * pays again, and TCP's slow start is the same for everyone anyway.
 *
 * <p>Beside Mbit/s it prints each client's CPU cost during the measured run (user + system time of
 * the client process and its children, {@link ProcessCpu}) as Mbit/s per client core: on this
 * 2-core box the gateway's userspace ESP competes with the client for the same CPUs, so a client
 * that costs less leaves the gateway more, and on a real network the client's own cost is its
 * ceiling. It also prints what the gateway did meanwhile: its CPU, the ESP packets its kernel
 * dropped because the gateway's userspace ESP did not read its UDP socket in time ({@link
 * UdpReceiveDrops}), and iperf3's TCP retransmissions, which are those drops.
 *
 * <p>Several interleaved rounds and medians, because single runs on a 2-core box move by ±20 %
 * (the gateway and the client share the CPUs, so whichever is scheduled less loses throughput):
 * a ratio read from one pair of runs says as much about the scheduler as about the clients.
 */
class TunnelThroughputBench {
  private static final Pki PKI = Pki.shared();
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 5);
  private static final int ROUNDS = Math.max(1, Integer.getInteger("bench.rounds", 3));
  private static final String[] PROPOSALS =
      System.getProperty("bench.esp", "aes128gcm16,aes256gcm16").split(",");
  private static final String[] CLIENTS = {"strongSwan", "Fulmar offload", "Fulmar plain"};

  /** One measured iperf3 run through one client. */
  record Sample(double mbits, double clientCores, double gatewayCores, long retransmits,
      long gatewayDrops) {
    double mbitsPerClientCore() {
      return clientCores > 0 ? mbits / clientCores : 0;
    }
  }

  @Test
  void fulmarVersusStrongSwanClient() throws Exception {
    // proposal -> client (CLIENTS order) -> one sample per round
    Map<String, List<List<Sample>>> results = new LinkedHashMap<>();
    try (Lab lab = Lab.create("bench-tunnel")) {
      StrongSwanGateway gateway =
          StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
      lab.startIperfServer();
      FulmardRun fulmard = new FulmardRun(lab, PKI);
      for (String esp : PROPOSALS) {
        List<List<Sample>> byClient = List.of(new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>());
        results.put(esp, byClient);
        for (int round = 0; round < ROUNDS; round++) {
          byClient.get(0).add(strongSwan(lab, gateway, esp));
          byClient.get(1).add(fulmar(lab, gateway, fulmard, esp));
          byClient.get(2).add(fulmar(lab, gateway, fulmard, esp, "--plain"));
        }
      }
    }
    report(results);
  }

  private static Sample strongSwan(Lab lab, StrongSwanGateway gateway, String esp) {
    StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .espProposals(esp).build());
    try {
      client.initiate("lan");
      return iperf(lab, gateway, client.pid());
    } finally {
      client.terminateAll();
      client.stop();
    }
  }

  private static Sample fulmar(Lab lab, StrongSwanGateway gateway, FulmardRun fulmard, String esp,
      String... options) {
    LabProcess run = fulmard.start(fulmard.profile("bench-" + esp, false, esp), options);
    try {
      fulmard.awaitUp(run, Duration.ofSeconds(120));
      return iperf(lab, gateway, run.pid());
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
  }

  /**
   * A warm-up run through the tunnel, then the measured one: its Mbit/s, the CPU that the client
   * process {@code clientPid} and the gateway used meanwhile, TCP retransmissions and the
   * gateway's UDP receive drops.
   */
  private static Sample iperf(Lab lab, StrongSwanGateway gateway, long clientPid) {
    if (WARM_UP_SECONDS > 0) {
      Iperf3.client(Lab.LAN_HOST_IP).seconds(WARM_UP_SECONDS).run(lab.client());
    }
    double clientBefore = ProcessCpu.seconds(clientPid);
    double gatewayBefore = ProcessCpu.seconds(gateway.pid());
    long dropsBefore = UdpReceiveDrops.in(lab.gateway());
    long start = System.nanoTime();
    Iperf3.Result r = Iperf3.client(Lab.LAN_HOST_IP).seconds(SECONDS).run(lab.client());
    double wall = (System.nanoTime() - start) / 1e9;
    long dropsAfter = UdpReceiveDrops.in(lab.gateway());
    return new Sample(r.receivedBitsPerSecond() / 1e6,
        (ProcessCpu.seconds(clientPid) - clientBefore) / wall,
        (ProcessCpu.seconds(gateway.pid()) - gatewayBefore) / wall, r.retransmits(),
        dropsBefore < 0 || dropsAfter < 0 ? -1 : dropsAfter - dropsBefore);
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> f) {
    return median(samples.stream().map(f::applyAsDouble).toList());
  }

  private static void report(Map<String, List<List<Sample>>> results) throws Exception {
    String[] loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
        .trim().split(" ");
    String load = loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%nBenchmark 2: iperf3 TCP %d s through the tunnel, %d interleaved round(s), median Mbit/s"
            + " (min-max) (load average %s, %d cores)%n%-18s %16s %16s %16s %10s %10s  %s%n",
        SECONDS, ROUNDS, load, Runtime.getRuntime().availableProcessors(), "ESP", CLIENTS[0],
        CLIENTS[1], CLIENTS[2], "offload/sS", "plain/sS", "offload/sS by round"));
    results.forEach((esp, byClient) -> {
      double[] med = new double[3];
      String[] cells = new String[3];
      for (int c = 0; c < 3; c++) {
        List<Sample> s = byClient.get(c);
        med[c] = median(s, Sample::mbits);
        cells[c] = String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", med[c],
            s.stream().mapToDouble(Sample::mbits).min().orElse(0),
            s.stream().mapToDouble(Sample::mbits).max().orElse(0));
      }
      StringBuilder rounds = new StringBuilder();
      for (int i = 0; i < byClient.get(0).size(); i++) {
        rounds.append(String.format(Locale.ROOT, " %.2f", byClient.get(1).get(i).mbits()
            / byClient.get(0).get(i).mbits()));
      }
      sb.append(String.format(Locale.ROOT, "%-18s %16s %16s %16s %9.2fx %9.2fx %s%n", esp,
          cells[0], cells[1], cells[2], med[1] / med[0], med[2] / med[0], rounds));
    });
    sb.append(String.format(Locale.ROOT, "Mbit/s per core of the client's own CPU time, median:%n"
        + "%-18s %16s %16s %16s %10s %10s%n", "ESP", CLIENTS[0], CLIENTS[1], CLIENTS[2],
        "offload/sS", "plain/sS"));
    results.forEach((esp, byClient) -> {
      double[] m = new double[3];
      for (int c = 0; c < 3; c++) {
        m[c] = median(byClient.get(c), Sample::mbitsPerClientCore);
      }
      sb.append(String.format(Locale.ROOT, "%-18s %16.0f %16.0f %16.0f %9.2fx %9.2fx%n", esp,
          m[0], m[1], m[2], m[1] / m[0], m[2] / m[0]));
    });
    sb.append(String.format(Locale.ROOT, "During the measured runs, median: CPU cores of client /"
        + " gateway; ESP packets the gateway's kernel dropped (its UDP socket full) / TCP"
        + " retransmissions, per second:%n%-18s %16s %16s %16s%n", "ESP", CLIENTS[0], CLIENTS[1],
        CLIENTS[2]));
    results.forEach((esp, byClient) -> {
      sb.append(String.format(Locale.ROOT, "%-18s", esp));
      for (int c = 0; c < 3; c++) {
        List<Sample> s = byClient.get(c);
        sb.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT,
            "%.2f/%.2f", median(s, Sample::clientCores), median(s, Sample::gatewayCores))));
      }
      sb.append(String.format(Locale.ROOT, "%n%-18s", ""));
      for (int c = 0; c < 3; c++) {
        List<Sample> s = byClient.get(c);
        sb.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT,
            "%.0f/%.0f", median(s, x -> x.gatewayDrops() / (double) SECONDS),
            median(s, x -> x.retransmits() / (double) SECONDS))));
      }
      sb.append(String.format("%n"));
    });
    System.out.print(sb);
    Measurements.record("benchmark 2 (fulmard run vs strongSwan client)", sb.toString());
  }
}
