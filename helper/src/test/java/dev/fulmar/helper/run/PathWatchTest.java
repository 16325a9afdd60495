package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.ike.ManualSessionLoop;
import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkChange.Kind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Network changes become one check of the way to the gateway per burst, a moment after the burst
 * began; the tunnel's own interface does not count.
 */
class PathWatchTest {
  private final ManualSessionLoop loop = new ManualSessionLoop();
  private int checks;
  private final PathWatch watch = new PathWatch(loop, "fulmar0", Duration.ofMillis(800),
      () -> checks++);

  @Test
  void aBurstOfChangesLeadsToOneCheckAfterTheSettleTime() throws Exception {
    watch.onChange(change(Kind.ADDRESS_ADDED, "wlan0", "192.0.2.20", 24));
    watch.onChange(change(Kind.ROUTE_ADDED, "wlan0", "0.0.0.0", 0));
    loop.advance(Duration.ofMillis(500));
    watch.onChange(change(Kind.ADDRESS_REMOVED, "wlan0", "192.0.2.10", 24));
    assertThat(checks).isZero();

    loop.advance(Duration.ofMillis(300));
    assertThat(checks).isEqualTo(1);
    loop.advance(Duration.ofSeconds(10));
    assertThat(checks).isEqualTo(1);

    watch.onChange(new NetworkChange(Kind.LINK_DOWN, 3, Optional.of("wlan0"), Optional.empty(),
        0));
    loop.advance(Duration.ofMillis(800));
    assertThat(checks).isEqualTo(2);
  }

  @Test
  void theTunnelsOwnAddressesAndRoutesAreIgnored() throws Exception {
    watch.onChange(change(Kind.ADDRESS_ADDED, "fulmar0", "10.201.0.1", 32));
    watch.onChange(change(Kind.ROUTE_ADDED, "fulmar0", "0.0.0.0", 1));
    loop.advance(Duration.ofSeconds(5));
    assertThat(checks).isZero();
  }

  @Test
  void lostEventsAndUnnamedInterfacesAreChecked() throws Exception {
    watch.onChange(new NetworkChange(Kind.RESYNC, 0, Optional.empty(), Optional.empty(), 0));
    loop.advance(Duration.ofSeconds(1));
    watch.onChange(new NetworkChange(Kind.LINK_REMOVED, 7, Optional.empty(), Optional.empty(),
        0));
    loop.advance(Duration.ofSeconds(1));
    assertThat(checks).isEqualTo(2);
  }

  @Test
  void noCheckAfterClose() throws Exception {
    watch.onChange(change(Kind.ADDRESS_ADDED, "eth0", "198.51.100.10", 24));
    watch.close();
    watch.onChange(change(Kind.ADDRESS_ADDED, "eth0", "198.51.100.11", 24));
    loop.advance(Duration.ofSeconds(5));
    assertThat(checks).isZero();
    assertThat(loop.pendingTimers()).isEmpty();
  }

  private static NetworkChange change(Kind kind, String dev, String address, int prefix)
      throws Exception {
    return new NetworkChange(kind, 2, Optional.of(dev),
        Optional.of(InetAddress.getByName(address)), prefix);
  }
}
