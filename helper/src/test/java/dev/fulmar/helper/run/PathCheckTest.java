package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.ManualSessionLoop;
import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkChange.Kind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a look at the way to the gateway tells the supervisor: a new source address, a way that
 * came back, or nothing; and that netlink changes on the uplink reach the supervisor as one such
 * look a moment after the burst (manual loop and clock, no sleeps).
 */
class PathCheckTest {
  private static final InetAddress GATEWAY = address("192.0.2.1");
  private static final InetSocketAddress OLD = new InetSocketAddress(address("192.0.2.10"), 4500);
  private static final InetSocketAddress NEW = new InetSocketAddress(address("192.0.2.20"), 4500);

  private final List<String> changes = new ArrayList<>();
  private InetSocketAddress routeSource = OLD;
  private boolean noRoute;
  private InetSocketAddress source = OLD;
  private final PathCheck check = new PathCheck(gw -> {
    assertThat(gw).isEqualTo(GATEWAY);
    if (noRoute) {
      throw TunnelException.system(FailureStep.OPEN_SOCKET, "no route to the gateway", null);
    }
    return routeSource;
  }, new PathCheck.Source() {
    @Override
    public InetSocketAddress get() {
      return source;
    }

    @Override
    public void set(InetSocketAddress s) {
      source = s;
    }
  }, changes::add);

  @Test
  void aNewSourceAddressIsTakenAndReported() {
    routeSource = NEW;
    check.run(GATEWAY);

    assertThat(changes).containsExactly("local address 192.0.2.10 -> 192.0.2.20");
    assertThat(source).isEqualTo(NEW);
    check.run(GATEWAY);
    assertThat(changes).as("the same address again is no change").hasSize(1);
  }

  @Test
  void aWayThatWasGoneAndIsBackIsReportedOnce() {
    noRoute = true;
    check.run(GATEWAY);
    check.run(GATEWAY);
    assertThat(changes).isEmpty();
    assertThat(check.pathUp()).isFalse();

    noRoute = false;
    check.run(GATEWAY);
    assertThat(changes).containsExactly("the way to the gateway is back");
    assertThat(check.pathUp()).isTrue();
    check.run(GATEWAY);
    assertThat(changes).hasSize(1);
  }

  @Test
  void aWayBackFromAnotherAddressIsAnAddressChange() {
    noRoute = true;
    check.run(GATEWAY);
    noRoute = false;
    routeSource = NEW;
    check.run(GATEWAY);
    assertThat(changes).containsExactly("local address 192.0.2.10 -> 192.0.2.20");
  }

  @Test
  void changesThatMoveNothingReportNothing() {
    check.run(GATEWAY);
    assertThat(changes).isEmpty();
    assertThat(source).isEqualTo(OLD);
  }

  @Test
  void aNetlinkBurstOnTheUplinkReachesTheSupervisorAsOneChange() throws Exception {
    ManualSessionLoop loop = new ManualSessionLoop();
    PathWatch watch = new PathWatch(loop, "fulmar0", PathWatch.SETTLE,
        () -> check.run(GATEWAY));
    // A new DHCP lease: the new address, then the old one goes; our own routes change too.
    watch.onChange(change(Kind.ADDRESS_ADDED, "c0", "192.0.2.20", 24));
    routeSource = NEW;
    watch.onChange(change(Kind.ROUTE_ADDED, "fulmar0", "0.0.0.0", 1));
    watch.onChange(change(Kind.ADDRESS_REMOVED, "c0", "192.0.2.10", 24));
    loop.advance(PathWatch.SETTLE.minusMillis(1));
    assertThat(changes).isEmpty();

    loop.advance(Duration.ofMillis(1));
    assertThat(changes).containsExactly("local address 192.0.2.10 -> 192.0.2.20");
  }

  private static NetworkChange change(Kind kind, String ifname, String addr, int len)
      throws Exception {
    return new NetworkChange(kind, 2, Optional.of(ifname), Optional.of(InetAddress.getByName(addr)),
        len);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
