package dev.fulmar.helper.control;

import dev.fulmar.control.Limits;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.core.spi.PeerIdentity;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A control server on a real socket in a temporary directory, with the in-memory tunnel, an
 * injected peer identity, a manual ticker for timeouts and a settable wall clock.
 */
final class ServerHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String OFFICE_VPN = """
      {"format":"fulmar-profile","version":1,"id":"7d1c0d6e-2f7c-4c7b-9f59-0f4d8c1f7e11",
       "name":"Office","gateway":{"host":"vpn.example.net"},
       "auth":{"method":"eap-mschapv2","username":"alice"}}""";
  static final String HOME_VPN = """
      {"format":"fulmar-profile","version":1,"id":"5a0f6d1e-0000-4c7b-9f59-0f4d8c1f7e12",
       "name":"Home","gateway":{"host":"home.example.org"},
       "auth":{"method":"eap-mschapv2","username":"alice"}}""";

  final AtomicReference<PeerIdentity> identity = new AtomicReference<>(Identities.ALICE);
  final AtomicLong ticker = new AtomicLong(1_000_000_000L);
  final MutableClock clock = new MutableClock();
  final InMemoryTunnelService tunnel;
  final InMemorySystemConfig system = new InMemorySystemConfig(List.of(profile(OFFICE_VPN)));
  final LogRing log = new LogRing(Limits.LOG_RING_LINES, clock, new Redactor());
  final ControlServer server;

  ServerHarness(Path dir) throws IOException {
    this(dir, c -> c, null);
  }

  ServerHarness(Path dir, UnaryOperator<ServerConfig> tweak, TunnelService tunnelOverride)
      throws IOException {
    this.tunnel = new InMemoryTunnelService(clock);
    ServerConfig config = tweak.apply(ServerConfig.defaults(dir.resolve("run/control.sock"),
        "test").withSocketGroup("root").withStatsInterval(Duration.ZERO));
    ServerEnvironment env = new ServerEnvironment(
        tunnelOverride != null ? tunnelOverride : tunnel, system, ch -> identity.get(), log,
        clock, ticker::get);
    this.server = ControlServer.start(config, env);
  }

  static Profile profile(String vpn) {
    return ProfileCodec.read(vpn).profile();
  }

  ControlClient client(PeerIdentity as) throws ControlException {
    return client(as, null);
  }

  ControlClient client(PeerIdentity as, EventListener l) throws ControlException {
    identity.set(as);
    return ControlClient.connect(server.socket(), "test", "1", l, WAIT);
  }

  RawClient raw(PeerIdentity as) throws IOException {
    identity.set(as);
    return new RawClient(server.socket());
  }

  /** Moves the monotonic ticker on and lets the server look at its timeouts. */
  void advance(Duration d) {
    ticker.addAndGet(d.toNanos());
    server.wakeup();
  }

  boolean logContains(String text) {
    return log.tail(Limits.LOG_RING_LINES, 0).stream().anyMatch(l -> l.message().contains(text));
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() {
    server.close();
  }

  /** A wall clock tests set. */
  static final class MutableClock extends Clock {
    private final AtomicLong millis = new AtomicLong(1_767_225_600_000L);

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
