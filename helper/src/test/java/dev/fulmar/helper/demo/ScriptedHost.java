package dev.fulmar.helper.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pretend machine for the demo's tests: it remembers the namespaces, links and processes the
 * commands create, records every command, and fails the commands a test names.
 */
final class ScriptedHost implements Host {
  final List<String> commands = new ArrayList<>();
  final Set<Path> paths = new HashSet<>();
  final Map<Long, String> processes = new HashMap<>();
  final Set<String> links = new HashSet<>();
  final List<Long> signalled = new ArrayList<>();
  String routes = "default via 203.0.113.1 dev eth0 proto dhcp metric 100\n"
      + "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.7\n";
  String addrs = "1: lo    inet 127.0.0.1/8 scope host lo\n"
      + "2: eth0    inet 203.0.113.7/24 brd 203.0.113.255 scope global eth0\n";
  String failing;
  boolean charonDiesAtStart;
  long nextPid = 4242;

  ScriptedHost() {
    paths.add(Path.of(DemoGateway.CHARON));
    for (String p : GatewayConfig.PLUGINS) {
      paths.add(Path.of("/usr/lib/ipsec/plugins/libstrongswan-" + p + ".so"));
    }
  }

  @Override
  public Result run(List<String> command) {
    String line = String.join(" ", command);
    commands.add(line);
    if (failing != null && line.startsWith(failing)) {
      return new Result(2, "RTNETLINK answers: Operation not permitted\n");
    }
    if (line.startsWith("ip -o -4 route")) {
      return new Result(0, routes);
    }
    if (line.startsWith("ip -o -4 addr")) {
      return new Result(0, addrs);
    }
    if (line.startsWith("ip netns add ")) {
      paths.add(DemoGateway.netns(command.get(3)));
      mounted.add(DemoGateway.netns(command.get(3)));
    } else if (line.startsWith("ip netns delete ")) {
      paths.remove(DemoGateway.netns(command.get(3)));
      mounted.remove(DemoGateway.netns(command.get(3)));
    } else if (line.startsWith("ip netns pids ")) {
      return new Result(0, "");
    } else if (line.startsWith("ip link add " + DemoNetwork.HOST_LINK)) {
      links.add(DemoNetwork.HOST_LINK);
    } else if (line.equals("ip link show " + DemoNetwork.HOST_LINK)) {
      return new Result(links.contains(DemoNetwork.HOST_LINK) ? 0 : 1, "");
    } else if (line.equals("ip link delete " + DemoNetwork.HOST_LINK)) {
      links.remove(DemoNetwork.HOST_LINK);
    } else if (line.startsWith("nsenter ")) {
      return new Result(0, "loaded certificate from '/etc/swanctl/x509/gateway.pem'\n"
          + "loaded connection 'fulmar-demo'\nsuccessfully loaded 1 connections, 0 unloaded\n");
    }
    return new Result(0, "");
  }

  @Override
  public long start(List<String> command, Path log) {
    commands.add("start " + String.join(" ", command));
    long pid = nextPid++;
    if (!charonDiesAtStart) {
      processes.put(pid, "charon-systemd");
      paths.add(Path.of("/proc/" + pid + "/root/run/charon.vici"));
    }
    return pid;
  }

  @Override
  public Optional<String> processName(long pid) {
    return Optional.ofNullable(processes.get(pid));
  }

  @Override
  public boolean exists(Path path) {
    return paths.contains(path);
  }

  /** A namespace name whose namespace is gone (left by a crashed run) is in paths, not here. */
  final Set<Path> mounted = new HashSet<>();

  @Override
  public boolean sameFile(Path a, Path b) {
    return mounted.contains(a) && b.toString().matches("/proc/\\d+/ns/net")
        && processes.containsKey(Long.parseLong(b.getName(1).toString()));
  }

  @Override
  public void signal(long pid, boolean force) {
    signalled.add(pid);
    processes.remove(pid);
  }

  @Override
  public void sleep(Duration d) {}
}
