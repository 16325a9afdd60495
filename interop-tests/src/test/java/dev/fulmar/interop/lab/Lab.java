package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away network made of namespaces: a client, an IKEv2 gateway, a LAN host behind the
 * gateway and, optionally, a NAT router between client and gateway.
 *
 * <pre>
 *   client c0 ── g0 gateway g1 ── l0 lan        client 192.0.2.10, gateway 192.0.2.1,
 *                                               gateway LAN 10.200.0.1, LAN host 10.200.0.10
 *   with NAT:
 *   client c0 ── n0 nat n1 ── g0 gateway ...    client 198.51.100.10, NAT 198.51.100.1 and
 *                                               192.0.2.2 (masquerade), gateway 192.0.2.1
 *   dual stack (without NAT), in addition:      client 2001:db8::10, gateway 2001:db8::1,
 *                                               gateway LAN 2001:db8:200::1,
 *                                               LAN host 2001:db8:200::10
 * </pre>
 *
 * <p>A dual-stack lab ({@link #createDualStack}) adds IPv6 to every link, with forwarding on in
 * the gateway and default routes as for IPv4; its addresses skip duplicate address detection, so
 * they are usable as soon as the lab is returned. The gateway forwards to the LAN only what came
 * out of a tunnel (either family), so the client reaches the LAN host through the tunnel or not
 * at all. Namespace names carry a per-JVM prefix so that parallel
 * runs never collide and namespaces of a crashed run are recognized and removed by the next one.
 * {@link #close()} stops every process the lab started (by PID) and deletes the namespaces; a JVM
 * shutdown hook does the same for labs a test forgot to close.
 */
public final class Lab implements AutoCloseable {
  public static final String GATEWAY_IP = "192.0.2.1";
  public static final String GATEWAY_NAME = "vpn.fulmar.test";
  public static final String CLIENT_IP = "192.0.2.10";
  public static final String NAT_OUTSIDE_IP = "192.0.2.2";
  public static final String NAT_INSIDE_IP = "198.51.100.1";
  public static final String CLIENT_BEHIND_NAT_IP = "198.51.100.10";
  public static final String GATEWAY_LAN_IP = "10.200.0.1";
  public static final String LAN_HOST_IP = "10.200.0.10";
  public static final String LAN_SUBNET = "10.200.0.0/24";
  /** Virtual IPs that gateways hand out. */
  public static final String POOL_SUBNET = "10.201.0.0/24";
  /** The DNS server address that gateways push (nothing answers on it). */
  public static final String PUSHED_DNS = "10.200.0.53";
  /** The gateway's IPv6 address on the "internet" link (dual-stack labs). */
  public static final String GATEWAY_IP6 = "2001:db8::1";
  /** The client's IPv6 address on the "internet" link (dual-stack labs). */
  public static final String CLIENT_IP6 = "2001:db8::10";
  public static final String GATEWAY_LAN_IP6 = "2001:db8:200::1";
  public static final String LAN_HOST_IP6 = "2001:db8:200::10";
  public static final String LAN_SUBNET6 = "2001:db8:200::/64";
  /** IPv6 virtual IPs that dual-stack gateways hand out. */
  public static final String POOL_SUBNET6 = "2001:db8:201::/120";
  /** The IPv6 DNS server address that dual-stack gateways push (nothing answers on it). */
  public static final String PUSHED_DNS6 = "2001:db8:200::53";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Set<String> NAMES_IN_USE = Collections.synchronizedSet(new HashSet<>());

  private final String name;
  private final Path dir;
  private final boolean withNat;
  private final boolean dualStack;
  private final List<Netns> namespaces = new ArrayList<>();
  private final List<LabProcess> processes = new ArrayList<>();
  private final Set<Path> chrootsInUse = new LinkedHashSet<>();
  private Netns client;
  private Netns gateway;
  private Netns lan;
  private Netns nat;
  private boolean closed;

  private Lab(String name, boolean withNat, boolean dualStack) {
    this.name = name;
    this.withNat = withNat;
    this.dualStack = dualStack;
    this.dir = LabRuns.labDir(name);
  }

  /** Creates a lab without NAT. Checks prerequisites first and removes stale namespaces. */
  public static Lab create(String name) {
    return create(name, false, false);
  }

  /** Creates a lab with an nftables masquerade NAT namespace between client and gateway. */
  public static Lab createWithNat(String name) {
    return create(name, true, false);
  }

  /**
   * Creates a lab without NAT whose links carry IPv6 as well as IPv4: 2001:db8::/64 between
   * client and gateway, {@link #LAN_SUBNET6} between gateway and LAN host. Every IPv6 address is
   * usable (not tentative) when this returns.
   */
  public static Lab createDualStack(String name) {
    return create(name, false, true);
  }

  private static Lab create(String name, boolean withNat, boolean dualStack) {
    if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
      throw new IllegalArgumentException("lab name must be 1-40 of [A-Za-z0-9_.-]: " + name);
    }
    Prerequisites.requireLab();
    if (dualStack) {
      Prerequisites.requireIpv6();
    }
    LabRuns.cleanStaleOnce();
    if (!NAMES_IN_USE.add(name)) {
      throw new IllegalArgumentException("a lab named " + name + " is already open");
    }
    long t0 = System.nanoTime();
    Lab lab;
    try {
      lab = new Lab(name, withNat, dualStack);
    } catch (RuntimeException e) {
      NAMES_IN_USE.remove(name);
      throw e;
    }
    LabRuns.register(lab);
    try {
      lab.build();
    } catch (RuntimeException e) {
      lab.closeQuietly();
      throw e;
    }
    System.out.printf("lab %s: namespaces ready in %d ms (%s)%n", name,
        (System.nanoTime() - t0) / 1_000_000, lab.dir());
    return lab;
  }

  private void build() {
    int seq = SEQUENCE.incrementAndGet();
    client = addNamespace(seq, "client");
    gateway = addNamespace(seq, "gateway");
    lan = addNamespace(seq, "lan");
    if (withNat) {
      nat = addNamespace(seq, "nat");
      Topology.wireWithNat(this);
    } else {
      Topology.wireDirect(this);
    }
    Topology.wireLan(this);
    if (dualStack) {
      Topology.awaitIpv6Ready(namespaces, Duration.ofSeconds(10));
    }
  }

  private Netns addNamespace(int seq, String role) {
    Netns ns = new Netns(LabRuns.namespaceName(seq, role), role);
    Cmd.run("ip", "netns", "add", ns.name());
    namespaces.add(ns);
    if (dualStack) {
      Topology.skipDuplicateAddressDetection(ns);
    }
    ns.ip("link", "set", "lo", "up");
    return ns;
  }

  public String name() {
    return name;
  }

  /** The directory that holds this lab's logs, configs and captures (under target/lab). */
  public Path dir() {
    return dir;
  }

  public Netns client() {
    return client;
  }

  public Netns gateway() {
    return gateway;
  }

  public Netns lanHost() {
    return lan;
  }

  /** The NAT router; throws if this lab has none. */
  public Netns nat() {
    if (nat == null) {
      throw new IllegalStateException("lab " + name + " was created without NAT");
    }
    return nat;
  }

  public boolean hasNat() {
    return withNat;
  }

  /** Whether the lab's links carry IPv6 too ({@link #createDualStack}). */
  public boolean isDualStack() {
    return dualStack;
  }

  /** The client's own address on its "internet" link. */
  public String clientAddress() {
    return withNat ? CLIENT_BEHIND_NAT_IP : CLIENT_IP;
  }

  /** The address the gateway sees the client's packets coming from. */
  public String clientAddressSeenByGateway() {
    return withNat ? NAT_OUTSIDE_IP : CLIENT_IP;
  }

  /**
   * Starts a long-running command inside {@code ns} (or on the host when null); its stdout and
   * stderr go to {@code <lab dir>/<logName>.log}. The lab stops it on close.
   */
  public synchronized LabProcess start(Netns ns, String logName, List<String> command) {
    if (closed) {
      throw new IllegalStateException("lab " + name + " is closed");
    }
    Path log = uniqueFile(logName, ".log");
    List<String> full = ns == null ? command : ns.wrap(command);
    ProcessBuilder pb = new ProcessBuilder(full)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      LabProcess p = new LabProcess(logName, pb.start(), log, full);
      processes.add(p);
      return p;
    } catch (IOException e) {
      throw new LabException("cannot start " + String.join(" ", full), e);
    }
  }

  /** A file name in the lab directory that no earlier call returned ({@code name-2.log}, ...). */
  public synchronized Path uniqueFile(String base, String suffix) {
    Path p = dir.resolve(base + suffix);
    for (int i = 2; Files.exists(p); i++) {
      p = dir.resolve(base + "-" + i + suffix);
    }
    try {
      Files.createDirectories(p.getParent());
      Files.createFile(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** A new, empty directory in the lab directory ({@code base}, {@code base-2}, ...). */
  public synchronized Path uniqueDir(String base) {
    Path p = dir.resolve(base);
    for (int i = 2; Files.exists(p); i++) {
      p = dir.resolve(base + "-" + i);
    }
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code iperf3 -s} on the LAN host and waits until it listens on port 5201. */
  public LabProcess startIperfServer() {
    return Iperf3.startServer(this, lan);
  }

  /** Pings {@code destination} from {@code from}; never throws for lost packets. */
  public Ping.Result ping(Netns from, String destination) {
    return Ping.to(destination).count(3).run(from);
  }

  /** Captures packets on {@code iface} inside {@code ns} until the capture is stopped. */
  public PacketCapture capture(Netns ns, String iface, String bpfFilter) {
    return PacketCapture.start(this, ns, iface, bpfFilter);
  }

  /** Remembers that a daemon of this lab runs from {@code root}, to check its mounts on close. */
  synchronized void useChroot(Path root) {
    chrootsInUse.add(root);
  }

  /** Stops every process of the lab and deletes its namespaces, even after failures. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> problems = new ArrayList<>();
    List<LabProcess> reversed = new ArrayList<>(processes);
    Collections.reverse(reversed);
    for (LabProcess p : reversed) {
      try {
        p.stop(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        problems.add("stopping " + p + ": " + e.getMessage());
      }
    }
    for (Netns ns : namespaces) {
      ns.shutdownExecutor();
      problems.addAll(LabRuns.deleteNamespace(ns.name()));
    }
    for (Path root : chrootsInUse) {
      problems.addAll(Mounts.below(root).stream()
          .map(m -> "still mounted below the chroot after the lab closed: " + m).toList());
    }
    LabRuns.unregister(this);
    NAMES_IN_USE.remove(name);
    if (!problems.isEmpty()) {
      throw new LabException("closing lab " + name + ": " + String.join("; ", problems));
    }
  }

  void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      System.err.println("lab " + name + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "lab " + name + " " + namespaces;
  }
}
