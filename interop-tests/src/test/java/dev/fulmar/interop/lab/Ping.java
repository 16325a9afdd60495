package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping} from a lab namespace, parsed. Lost packets are a result, not an error.
 *
 * <pre>{@code
 * Ping.Result r = Ping.to(Lab.LAN_HOST_IP).count(3).size(1400).dontFragment().run(lab.client());
 * assertThat(r.received()).isEqualTo(3);
 * }</pre>
 */
public final class Ping {
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
  private static final Pattern RTT = Pattern.compile("= ([\\d.]+)/([\\d.]+)/([\\d.]+)");

  private final String destination;
  private int count = 3;
  private Integer size;
  private boolean dontFragment;
  private Duration wait = Duration.ofSeconds(2);

  private Ping(String destination) {
    this.destination = destination;
  }

  public static Ping to(String destination) {
    return new Ping(destination);
  }

  public Ping count(int n) {
    this.count = n;
    return this;
  }

  /** ICMP payload size in bytes ({@code -s}); the IP packet is 28 bytes larger. */
  public Ping size(int bytes) {
    this.size = bytes;
    return this;
  }

  /** Sets DF and forbids local fragmentation ({@code -M do}). */
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
  }

  public Result run(Netns from) {
    List<String> cmd = new ArrayList<>(List.of("ping", "-n", "-c", Integer.toString(count),
        "-i", "0.2", "-W", Long.toString(Math.max(1, wait.toSeconds()))));
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
