package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.adapters.jdk.JdkUdpTransport;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): the OS side of the data path without crypto, TUN ⇄ UDP forwarders in
 * two namespaces joined by a veth pair, iperf3 TCP through them; the same setup as the C
 * forwarder in the performance notes. Prints goodput and forwarder CPU per packet for each mode,
 * with ratios against the plain mode measured in the same run.
 *
 * <pre>
 * ns A: iperf3 -c ─► tun ─► [encap thread] ─► UDP 4500 ─► veth ─► UDP 4500 ─► [decap] ─► tun ─► ns B
 * </pre>
 *
 * <p>The forwarders use only the plain batched {@code TunDevice}/{@code UdpTransport} calls, one
 * call per batch, as the data path does: in the offload mode the splitting and merging of TCP
 * bursts happen inside {@link LinuxVnetTunDevice}, GSO/GRO inside {@link LinuxUdpTransport}.
 *
 * <p>Run as root; the command and the latest results are in {@code docs/benchmarks.md} §4:
 * {@code java -cp <test classpath> dev.fulmar.adapters.linux.TunUdpForwardBenchmark [seconds
 * [rounds]]}.
 */
public final class TunUdpForwardBenchmark {

  private static final int HEADROOM = 64;
  private static final Pattern RECEIVED = Pattern.compile(
      "\"sum_received\":\\s*\\{[^}]*?\"bits_per_second\":\\s*([0-9.eE+]+)", Pattern.DOTALL);

  private enum Mode {
    PLAIN("TUN 1 pkt/syscall + DatagramChannel", false, false),
    BATCHED("TUN 1 pkt/syscall + sendmmsg/recvmmsg + UDP GSO/GRO", false, true),
    OFFLOAD("TUN TSO/GRO (vnet hdr) + sendmmsg/recvmmsg + UDP GSO/GRO", true, true);

    final String label;
    final boolean tunOffload;
    final boolean udpOffload;

    Mode(String label, boolean tunOffload, boolean udpOffload) {
      this.label = label;
      this.tunOffload = tunOffload;
      this.udpOffload = udpOffload;
    }
  }

  private TunUdpForwardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    System.out.printf("kernel %s, %d cores, %s, %d s per run, %d round(s)%n",
        System.getProperty("os.version"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"), seconds, rounds);
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double veth = run(null, seconds)[0];
      rows.add(String.format("%-62s %6.2f Gbit/s", "plain veth, no tunnel (reference)", veth));
      double plain = 0;
      for (Mode m : Mode.values()) {
        double[] res = run(m, seconds);
        if (m == Mode.PLAIN) {
          plain = res[0];
        }
        rows.add(String.format("%-62s %6.2f Gbit/s  %5.2fx plain  encap %5.0f ns/pkt"
            + "  decap %5.0f ns/pkt", m.label, res[0], res[0] / plain, res[1], res[2]));
      }
    }
    rows.forEach(System.out::println);
  }

  /** One iperf3 run; returns {Gbit/s, encap CPU ns/packet, decap CPU ns/packet}. */
  private static double[] run(Mode mode, int seconds) throws Exception {
    try (NetNs a = NetNs.create(); NetNs b = NetNs.create()) {
      a.exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", b.name());
      a.exec("ip", "addr", "add", "192.0.2.1/24", "dev", "v0");
      b.exec("ip", "addr", "add", "192.0.2.2/24", "dev", "v1");
      a.exec("ip", "link", "set", "v0", "up");
      b.exec("ip", "link", "set", "v1", "up");
      if (mode == null) {
        return new double[] {iperf(a, b, "192.0.2.2", seconds), 0, 0};
      }
      Path dir = Files.createTempDirectory("fulmar-bench");
      Side sa = new Side(a, dir, mode, "10.9.0.1", "10.9.0.2", "192.0.2.1");
      Side sb = new Side(b, dir, mode, "10.9.0.2", "10.9.0.1", "192.0.2.2");
      List<Loop> loops = List.of(
          new Loop(sa.tun, sa.udp, sb.udp.localAddress(), true),
          new Loop(sb.tun, sb.udp, sa.udp.localAddress(), true),
          new Loop(sb.tun, sb.udp, null, false),
          new Loop(sa.tun, sa.udp, null, false));
      try {
        double gbps = iperf(a, b, "10.9.0.2", seconds);
        Loop encap = loops.get(0);
        Loop decap = loops.get(2);
        return new double[] {gbps, encap.nsPerPacket(), decap.nsPerPacket()};
      } finally {
        sa.close();
        sb.close();
        for (Loop l : loops) {
          l.thread.join(5000);
        }
      }
    }
  }

  private static double iperf(NetNs a, NetNs b, String server, int seconds) throws Exception {
    Process s = new ProcessBuilder("ip", "netns", "exec", b.name(), "iperf3", "-s", "-1")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      for (int i = 0; i < 50 && !b.exec("ss", "-ltn").contains(":5201"); i++) {
        Thread.sleep(50); // benchmark only: wait for the server socket
      }
      String json = a.exec("timeout", String.valueOf(seconds + 20), "iperf3", "-c", server,
          "-t", String.valueOf(seconds), "-J");
      Matcher m = RECEIVED.matcher(json);
      if (!m.find()) {
        throw new IOException("no iperf3 result: " + json);
      }
      return Double.parseDouble(m.group(1)) / 1e9;
    } finally {
      s.destroyForcibly();
      s.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** A TUN device and a UDP socket in one namespace. */
  private static final class Side implements AutoCloseable {
    final TunDevice tun;
    final UdpTransport udp;

    Side(NetNs ns, Path dir, Mode mode, String inner, String peer, String outer)
        throws IOException {
      FileChangeJournal j = FileChangeJournal.open(dir.resolve(ns.name()), "tun",
          new LinuxUndoActions(ns.runner()));
      tun = ns.call(() -> new LinuxTunDeviceFactory(j)
          .create(new TunOptions("fulmar%d", 1400, mode.tunOffload)));
      InetSocketAddress local = new InetSocketAddress(Packets.ip(outer), 4500);
      udp = ns.call(() -> mode.udpOffload ? LinuxUdpTransport.bind(local)
          : JdkUdpTransport.bind(local));
      ns.exec("ip", "addr", "add", inner + "/32", "dev", tun.name());
      ns.exec("ip", "link", "set", tun.name(), "up");
      ns.exec("ip", "route", "add", peer + "/32", "dev", tun.name());
    }

    @Override
    public void close() throws IOException {
      tun.close();
      udp.close();
    }
  }

  /** One direction of one forwarder: TUN to UDP (encap) or UDP to TUN (decap). */
  private static final class Loop {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    final AtomicLong packets = new AtomicLong();
    final Thread thread;
    private volatile long cpuNanos;

    Loop(TunDevice tun, UdpTransport udp, InetSocketAddress peer, boolean encap) {
      thread = new Thread(() -> {
        int batch = Math.max(tun.batchSize(), udp.batchSize());
        byte[][] bufs = new byte[batch][HEADROOM + 65536];
        int[] sizes = new int[batch];
        InetSocketAddress[] from = new InetSocketAddress[batch];
        try {
          while (true) {
            int n = encap ? tun.read(bufs, sizes, HEADROOM) : udp.receive(bufs, sizes, from,
                HEADROOM);
            if (encap) {
              udp.send(bufs, sizes, HEADROOM, n, peer);
            } else {
              tun.write(bufs, sizes, HEADROOM, n);
            }
            packets.addAndGet(n);
            cpuNanos = CPU.getCurrentThreadCpuTime();
          }
        } catch (ClosedChannelException e) {
          // closed
        } catch (IOException e) {
          System.err.println((encap ? "encap" : "decap") + ": " + e);
        }
      }, encap ? "encap" : "decap");
      thread.setDaemon(true);
      thread.start();
    }

    double nsPerPacket() {
      long p = packets.get();
      return p == 0 ? 0 : (double) cpuNanos / p;
    }
  }
}
