package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping} from a lab namespace, parsed. Lost packets are a result, not an error. An IPv6
 * literal destination (or {@link #ipv6()}) pings over IPv6 ({@code ping -6}).
 *
 * <pre>{@code
 * Ping.Result r = Ping.to(Lab.LAN_HOST_IP).count(3).size(1400).dontFragment().run(lab.client());
 * assertThat(r.received()).isEqualTo(3);
 * Ping.Result v6 = Ping.to(Lab.LAN_HOST_IP6).size(1400).dontFragment().run(lab.client());
 * assertThat(v6.packetTooBigMtu()).hasValue(1280);   // ICMPv6 packet too big from the path
 * }</pre>
 */
public final class Ping {
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
  private static final Pattern RTT = Pattern.compile("= ([\\d.]+)/([\\d.]+)/([\\d.]+)");
  /** ICMPv6 "packet too big" (RFC 4443 §3.2) or ICMP "fragmentation needed" (RFC 1191). */
  private static final Pattern TOO_BIG = Pattern.compile(
      "Packet too big: mtu=(\\d+)|Frag needed and DF set \\(mtu = (\\d+)\\)");
  /** The sending host's own refusal: the packet exceeds the MTU it knows for the route. */
  private static final Pattern LOCAL_TOO_BIG =
      Pattern.compile("local error: message too long, mtu[:=] ?(\\d+)");

  private final String destination;
  private int count = 3;
  private Integer size;
  private boolean dontFragment;
  private boolean ipv6;
  private Duration wait = Duration.ofSeconds(2);

  private Ping(String destination) {
    this.destination = destination;
  }

  /** A ping to {@code destination}; an IPv6 literal (it contains ':') selects IPv6. */
  public static Ping to(String destination) {
    Ping p = new Ping(destination);
    p.ipv6 = destination.indexOf(':') >= 0;
    return p;
  }

  /** Pings over IPv6 ({@code -6}), e.g. a host name with an AAAA record. */
  public Ping ipv6() {
    this.ipv6 = true;
    return this;
  }

  public Ping count(int n) {
    this.count = n;
    return this;
  }

  /**
   * ICMP payload size in bytes ({@code -s}); the IP packet is 28 bytes larger (IPv4) or 48
   * (IPv6).
   */
  public Ping size(int bytes) {
    this.size = bytes;
    return this;
  }

  /**
   * Sets DF and forbids local fragmentation ({@code -M do}); for IPv6, which routers never
   * fragment, it forbids fragmentation by the sending host.
   */
  public Ping dontFragment() {
    this.dontFragment = true;
    return this;
  }

  /** How long to wait for each reply ({@code -W}). */
  public Ping waitFor(Duration d) {
    this.wait = d;
    return this;
  }

  /** The ping's outcome: sent, received, average round trip, and ping's own output. */
  public record Result(int transmitted, int received, double avgRttMillis, String output) {
    public boolean allReceived() {
      return transmitted > 0 && received == transmitted;
    }

    /**
     * The MTU of the first ICMPv6 "packet too big" or ICMP "fragmentation needed" that ping
     * reported from the network, if any.
     */
    public OptionalInt packetTooBigMtu() {
      Matcher m = TOO_BIG.matcher(output);
      if (!m.find()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    /**
     * The MTU the sending host itself refused a packet for ("local error: message too long"):
     * the packet exceeded the MTU the host knows for the route (link MTU or learned path MTU).
     */
    public OptionalInt localTooBigMtu() {
      Matcher m = LOCAL_TOO_BIG.matcher(output);
      return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
  }

  public Result run(Netns from) {
    List<String> cmd = new ArrayList<>(List.of("ping", "-n", "-c", Integer.toString(count),
        "-i", "0.2", "-W", Long.toString(Math.max(1, wait.toSeconds()))));
    if (ipv6) {
      cmd.add("-6");
    }
    if (size != null) {
      cmd.addAll(List.of("-s", size.toString()));
    }
    if (dontFragment) {
      cmd.addAll(List.of("-M", "do"));
    }
    cmd.add(destination);
    Cmd.Result r = from.probe(wait.multipliedBy(count).plusSeconds(10),
        cmd.toArray(String[]::new));
    return parse(r.stdout() + r.stderr());
  }

  static Result parse(String output) {
    Matcher m = SUMMARY.matcher(output);
    if (!m.find()) {
      return new Result(0, 0, Double.NaN, output);
    }
    Matcher rtt = RTT.matcher(output);
    double avg = rtt.find() ? Double.parseDouble(rtt.group(2)) : Double.NaN;
    return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), avg, output);
  }
}
