package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.SaTable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Test-mode entry point for manually keyed data paths (benchmark 3 of the data-path issue). Until
 * the helper wires real TUN devices and sockets to {@link ManualKeying}, this runs both ends in
 * memory: it reads the properties file named by the first argument, installs the pair on one data
 * path and its mirror on the other, pushes the given number of 1400-byte packets through and
 * prints the counters.
 *
 * <p>{@code java -cp ... dev.fulmar.core.datapath.ManualKeyingMain keys.properties [packets]}
 */
public final class ManualKeyingMain {
  private ManualKeyingMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ManualKeyingMain KEYS.properties [packets]");
      System.exit(2);
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      props.load(in);
    }
    int packets = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    ManualKeying client = ManualKeying.of(props);
    EspSaPair clientPair = client.toPair();
    LoopbackUdpLink link = new LoopbackUdpLink(TunnelHarness.CLIENT, clientPair.peer());
    InMemoryTunDevice tunA = new InMemoryTunDevice("a", 1500, 32);
    InMemoryTunDevice tunB = new InMemoryTunDevice("b", 1500, 32);
    SaTable sasA = new SaTable();
    SaTable sasB = new SaTable();
    sasA.install(clientPair);
    sasB.install(client.mirrored(TunnelHarness.CLIENT.getAddress().getHostAddress() + ":4500")
        .toPair());
    String src = props.getProperty("local.ts").split(",")[0].split("/")[0].trim();
    String dst = props.getProperty("remote.ts").split(",")[0].split("/")[0].trim();
    try (DataPath a = new DataPath(tunA, link.a(), sasA, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT);
        DataPath b = new DataPath(tunB, link.b(), sasB, IkePacketHandler.IGNORE,
            DataPath.Config.DEFAULT)) {
      a.start();
      b.start();
      pump(tunA, tunB, TestPackets.udp4(src, dst, 1400, 1, true), packets);
      System.out.println(a.stats());
      System.out.println(b.stats());
      tunA.close();
      tunB.close();
      link.a().close();
      link.b().close();
    }
  }

  /** Injects {@code packets} copies in bursts of 256 and counts them out on the other side. */
  private static void pump(InMemoryTunDevice from, InMemoryTunDevice to, byte[] packet,
      int packets) throws InterruptedException {
    long start = System.nanoTime();
    int received = 0;
    int injected = 0;
    while (injected < packets) {
      int burst = Math.min(256, packets - injected);
      for (int i = 0; i < burst; i++) {
        from.inject(packet);
      }
      injected += burst;
      while (received < injected - 512 && to.takeWritten(1000) != null) {
        received++;
      }
    }
    while (received < packets && to.takeWritten(2000) != null) {
      received++;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d of %d packets in %.2f s: %.0f pkt/s, %.2f Gbit/s (in memory)%n",
        received, packets, secs, received / secs, (double) received * packet.length * 8 / secs
            / 1e9);
  }
}
