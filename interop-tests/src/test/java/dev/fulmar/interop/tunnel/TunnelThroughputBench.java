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
        double strongSwan = strongSwan(lab, esp);
        double offload = fulmar(lab, fulmard, esp);
        double plain = fulmar(lab, fulmard, esp, "--plain");
        results.put(esp, new double[] {strongSwan, offload, plain});
      }
    }
    report(results);
  }

  private static double strongSwan(Lab lab, String esp) {
    StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .espProposals(esp).build());
    try {
      client.initiate("lan");
      return iperf(lab);
    } finally {
      client.terminateAll();
      client.stop();
    }
  }

  private static double fulmar(Lab lab, FulmardRun fulmard, String esp, String... options) {
    LabProcess run = fulmard.start(fulmard.profile("bench-" + esp, false, esp), options);
    try {
      fulmard.awaitUp(run, Duration.ofSeconds(120));
      return iperf(lab);
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
  }

  /** A warm-up run through the tunnel, then the measured one; Mbit/s of the latter. */
  private static double iperf(Lab lab) {
    if (WARM_UP_SECONDS > 0) {
      Iperf3.client(Lab.LAN_HOST_IP).seconds(WARM_UP_SECONDS).run(lab.client());
    }
    return Iperf3.client(Lab.LAN_HOST_IP).seconds(SECONDS).run(lab.client())
        .receivedBitsPerSecond() / 1e6;
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
    System.out.print(sb);
    Measurements.record("benchmark 2 (fulmard run vs strongSwan client)", sb.toString());
  }
}
