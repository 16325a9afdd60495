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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 2 of the data-path issue, not a test (no assertion on speed; it is never run by CI:
 * the name does not match the IT pattern). One lab, one strongSwan 5.9.8 gateway, one iperf3
 * server on the LAN host; for each ESP proposal, iperf3 TCP from the client namespace through
 * strongSwan's own client, then through {@code fulmard run} with offloads, then with {@code
 * --plain}, interleaved, all in the same run; prints Mbit/s and Fulmar/strongSwan ratios with the
 * load average. Run with {@code interop-tests/bench/tunnel-vs-strongswan.sh}.
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
 * ceiling.
 */
class TunnelThroughputBench {
  private static final Pki PKI = Pki.shared();
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 5);
  private static final String[] PROPOSALS =
      System.getProperty("bench.esp", "aes128gcm16,aes256gcm16").split(",");

  @Test
  void fulmarVersusStrongSwanClient() throws Exception {
    Map<String, double[]> results = new LinkedHashMap<>();
    try (Lab lab = Lab.create("bench-tunnel")) {
      StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
      lab.startIperfServer();
      FulmardRun fulmard = new FulmardRun(lab, PKI);
      for (String esp : PROPOSALS) {
        double[] strongSwan = strongSwan(lab, esp);
        double[] offload = fulmar(lab, fulmard, esp);
        double[] plain = fulmar(lab, fulmard, esp, "--plain");
        results.put(esp, new double[] {strongSwan[0], offload[0], plain[0], strongSwan[1],
            offload[1], plain[1]});
      }
    }
    report(results);
  }

  /** {Mbit/s, Mbit/s per client core} through strongSwan's client. */
  private static double[] strongSwan(Lab lab, String esp) {
    StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .espProposals(esp).build());
    try {
      client.initiate("lan");
      return iperf(lab, client.pid());
    } finally {
      client.terminateAll();
      client.stop();
    }
  }

  /** {Mbit/s, Mbit/s per client core} through {@code fulmard run}. */
  private static double[] fulmar(Lab lab, FulmardRun fulmard, String esp, String... options) {
    LabProcess run = fulmard.start(fulmard.profile("bench-" + esp, false, esp), options);
    try {
      fulmard.awaitUp(run, Duration.ofSeconds(120));
      return iperf(lab, run.pid());
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
  }

  /**
   * A warm-up run through the tunnel, then the measured one: its Mbit/s, and its Mbit/s per core
   * of CPU that the client process {@code clientPid} used meanwhile.
   */
  private static double[] iperf(Lab lab, long clientPid) {
    if (WARM_UP_SECONDS > 0) {
      Iperf3.client(Lab.LAN_HOST_IP).seconds(WARM_UP_SECONDS).run(lab.client());
    }
    double cpuBefore = ProcessCpu.seconds(clientPid);
    long start = System.nanoTime();
    double mbits = Iperf3.client(Lab.LAN_HOST_IP).seconds(SECONDS).run(lab.client())
        .receivedBitsPerSecond() / 1e6;
    double wall = (System.nanoTime() - start) / 1e9;
    double cores = (ProcessCpu.seconds(clientPid) - cpuBefore) / wall;
    return new double[] {mbits, cores > 0 ? mbits / cores : 0};
  }

  private static void report(Map<String, double[]> results) throws Exception {
    String[] loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
        .trim().split(" ");
    String load = loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%nBenchmark 2: iperf3 TCP %d s through the tunnel, Mbit/s (load average %s, %d cores)%n"
            + "%-18s %12s %16s %14s %10s %10s%n", SECONDS, load,
        Runtime.getRuntime().availableProcessors(), "ESP", "strongSwan", "Fulmar offload",
        "Fulmar plain", "offload/sS", "plain/sS"));
    results.forEach((esp, r) -> sb.append(String.format(Locale.ROOT,
        "%-18s %12.0f %16.0f %14.0f %9.2fx %9.2fx%n", esp, r[0], r[1], r[2], r[1] / r[0],
        r[2] / r[0])));
    sb.append(String.format(Locale.ROOT, "Mbit/s per core of the client's own CPU time:%n"
        + "%-18s %12s %16s %14s %10s %10s%n", "ESP", "strongSwan", "Fulmar offload",
        "Fulmar plain", "offload/sS", "plain/sS"));
    results.forEach((esp, r) -> sb.append(String.format(Locale.ROOT,
        "%-18s %12.0f %16.0f %14.0f %9.2fx %9.2fx%n", esp, r[3], r[4], r[5], r[4] / r[3],
        r[5] / r[3])));
    System.out.print(sb);
    Measurements.record("benchmark 2 (fulmard run vs strongSwan client)", sb.toString());
  }
}
