package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.linux.CommandRunner.CommandException;
import dev.fulmar.core.spi.IpPrefix;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iproute2 ({@code ip}) commands the adapters use, with the "already gone" outcomes of delete
 * commands treated as success. Reads the plain-text output, which is the same route syntax that
 * {@code ip route add/del} accept.
 */
final class IpRoute2 {

  /** How the kernel reaches a destination: {@code ip route get} without the cache noise. */
  record Hop(Optional<InetAddress> via, String dev) {
    /** The route spec tokens {@code [via X] dev D}. */
    List<String> specTail() {
      List<String> t = new ArrayList<>();
      via.ifPresent(v -> t.addAll(List.of("via", v.getHostAddress())));
      t.addAll(List.of("dev", dev));
      return t;
    }
  }

  private final CommandRunner runner;

  IpRoute2(CommandRunner runner) {
    this.runner = runner;
  }

  /**
   * The next hop the kernel uses today for {@code destination}.
   *
   * @throws IOException when there is no route or the answer is not a unicast route
   */
  Hop routeGet(InetAddress destination) throws IOException {
    String family = destination instanceof Inet4Address ? "-4" : "-6";
    String out = runner.check("ip", family, "route", "get", destination.getHostAddress());
    List<String> tokens = List.of(out.strip().split("\\s+"));
    if (tokens.isEmpty() || !isAddress(tokens.get(0))) {
      throw new IOException(
          "no unicast route to " + destination.getHostAddress() + ": " + out.strip());
    }
    String dev = valueAfter(tokens, "dev");
    if (dev == null) {
      throw new IOException("'ip route get' named no device: " + out.strip());
    }
    String via = valueAfter(tokens, "via");
    InetAddress gw = via == null ? null : InetAddress.getByName(checkLiteral(via));
    return new Hop(Optional.ofNullable(gw), dev);
  }

  /**
   * The best route to {@code destination} in the main table that does not use {@code excludedDev}
   * and is not a host route for {@code destination} itself: where its traffic would go if the
   * tunnel and our host route did not exist. Longest prefix first, then lowest metric.
   *
   * @throws IOException when there is no such unicast route with a single next hop
   */
  Hop routeAround(InetAddress destination, String excludedDev) throws IOException {
    boolean v4 = destination instanceof Inet4Address;
    String out = runner.check("ip", v4 ? "-4" : "-6", "route", "show", "table", "main", "match",
        destination.getHostAddress());
    Hop best = null;
    int bestLen = -1;
    long bestMetric = Long.MAX_VALUE;
    for (String line : out.split("\n")) {
      List<String> t = List.of(line.strip().split("\s+"));
      if (t.isEmpty() || t.get(0).isEmpty() || !isUnicastDestination(t.get(0))) {
        continue;
      }
      String dev = valueAfter(t, "dev");
      int len = t.get(0).equals("default") ? 0 : IpPrefix.parse(t.get(0)).length();
      if (dev == null || dev.equals(excludedDev) || len == (v4 ? 32 : 128)) {
        continue;
      }
      String m = valueAfter(t, "metric");
      long metric = m == null ? 0 : Long.parseLong(m);
      if (len > bestLen || (len == bestLen && metric < bestMetric)) {
        String via = valueAfter(t, "via");
        best = new Hop(Optional.ofNullable(via == null ? null
            : InetAddress.getByName(checkLiteral(via))), dev);
        bestLen = len;
        bestMetric = metric;
      }
    }
    if (best == null) {
      throw new IOException("no route to " + destination.getHostAddress() + " outside "
          + excludedDev);
    }
    return best;
  }

  /** A line that starts with a destination (not a route type such as unreachable or local). */
  private static boolean isUnicastDestination(String first) {
    return first.equals("default") || first.indexOf('.') >= 0 || first.indexOf(':') >= 0;
  }

  /** Adds or atomically replaces the route with the same destination. */
  void replaceRoute(List<String> spec) throws IOException {
    runner.check(concat(List.of("ip", "route", "replace"), spec));
  }

  void addRoute(List<String> spec) throws IOException {
    runner.check(concat(List.of("ip", "route", "add"), spec));
  }

  /** Deletes a route; a route that is already gone (or whose device is) counts as deleted. */
  void deleteRoute(List<String> spec) throws IOException {
    String[] cmd = concat(List.of("ip", "route", "del"), spec);
    CommandRunner.Result r = runner.run(cmd);
    if (r.exitCode() != 0 && !gone(r.stderr())) {
      throw new CommandException(List.of(cmd), r);
    }
  }

  void addAddress(String dev, String addressWithPrefix, boolean ipv6) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("ip", "addr", "add", addressWithPrefix));
    cmd.addAll(List.of("dev", dev));
    if (ipv6) {
      cmd.add("nodad"); // a point-to-point tunnel has no neighbour to collide with
    }
    runner.check(cmd.toArray(String[]::new));
  }

  void deleteAddress(String dev, String addressWithPrefix) throws IOException {
    String[] cmd = {"ip", "addr", "del", addressWithPrefix, "dev", dev};
    CommandRunner.Result r = runner.run(cmd);
    if (r.exitCode() != 0 && !gone(r.stderr())) {
      throw new CommandException(List.of(cmd), r);
    }
  }

  void setLink(String dev, int mtu) throws IOException {
    runner.check("ip", "link", "set", "dev", dev, "mtu", Integer.toString(mtu), "up");
  }

  /** Deletes {@code name} if it exists and is a TUN device; anything else is left alone. */
  void deleteTunIfPresent(String name) throws IOException {
    CommandRunner.Result r = runner.run("ip", "-d", "link", "show", "dev", name);
    if (r.exitCode() != 0) {
      if (gone(r.stderr())) {
        return;
      }
      throw new CommandException(List.of("ip", "-d", "link", "show", "dev", name), r);
    }
    if (r.stdout().contains(" tun type tun ")) {
      CommandRunner.Result d = runner.run("ip", "link", "del", "dev", name);
      if (d.exitCode() != 0 && !gone(d.stderr())) {
        throw new CommandException(List.of("ip", "link", "del", "dev", name), d);
      }
    }
  }

  /** True when iproute2's error says the object (or its device) does not exist. */
  static boolean gone(String stderr) {
    return stderr.contains("No such process")
        || stderr.contains("Cannot find device")
        || stderr.contains("does not exist")
        || stderr.contains("ddress not found")
        || stderr.contains("Cannot assign requested address")
        || stderr.contains("No such device");
  }

  static boolean isAddress(String token) {
    try {
      IpPrefix.parse(token);
      return token.indexOf('/') < 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String checkLiteral(String s) throws IOException {
    if (!isAddress(s)) {
      throw new IOException("not an address: " + s);
    }
    return s;
  }

  private static String valueAfter(List<String> tokens, String key) {
    int i = tokens.indexOf(key);
    return i >= 0 && i + 1 < tokens.size() ? tokens.get(i + 1) : null;
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }
}
