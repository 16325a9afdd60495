package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkChange.Kind;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinuxNetlinkMonitorIT {

  private NetNs ns;

  @BeforeEach
  void setUp() throws IOException {
    ns = NetNs.create();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void reportsLinkAddressAndRouteChangesInItsNamespace() throws Exception {
    BlockingQueue<NetworkChange> events = new LinkedBlockingQueue<>();
    try (LinuxNetlinkMonitor monitor = ns.call(LinuxNetlinkMonitor::open)) {
      monitor.start(events::add);
      ns.exec("ip", "link", "add", "dummy0", "type", "veth", "peer", "name", "dummy1");
      ns.exec("ip", "link", "set", "dummy1", "up");
      ns.exec("ip", "link", "set", "dummy0", "up");
      ns.exec("ip", "addr", "add", "192.0.2.9/24", "dev", "dummy0");
      ns.exec("ip", "route", "add", "198.51.100.0/24", "via", "192.0.2.1");
      ns.exec("ip", "addr", "del", "192.0.2.9/24", "dev", "dummy0");
      ns.exec("ip", "link", "del", "dummy0");

      assertThat(nextFor(events, Kind.LINK_UP, "dummy0")).hasToString("LINK_UP dummy0");
      assertThat(nextMatching(events, "ADDRESS_ADDED dummy0 192.0.2.9/24")).isNotNull();
      assertThat(nextMatching(events, "ROUTE_ADDED dummy0 192.0.2.0/24")).isNotNull();
      assertThat(nextMatching(events, "ROUTE_ADDED dummy0 198.51.100.0/24")).isNotNull();
      assertThat(nextMatching(events, "ADDRESS_REMOVED dummy0 192.0.2.9/24")).isNotNull();
      assertThat(nextFor(events, Kind.LINK_REMOVED, "dummy0").interfaceName()).contains("dummy0");
      assertThat(monitor.malformedMessages()).isZero();
    }
  }

  @Test
  void changesInOtherNamespacesAreNotSeenAndCloseStopsDelivery() throws Exception {
    BlockingQueue<NetworkChange> events = new LinkedBlockingQueue<>();
    LinuxNetlinkMonitor monitor = ns.call(LinuxNetlinkMonitor::open);
    monitor.start(events::add);
    try (NetNs other = NetNs.create()) {
      other.exec("ip", "link", "add", "other0", "type", "veth", "peer", "name", "other1");
      ns.exec("ip", "link", "add", "marker0", "type", "veth", "peer", "name", "marker1");
      NetworkChange first = events.poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.interfaceName().orElseThrow()).startsWith("marker");
    }
    monitor.close();
    events.clear();
    ns.exec("ip", "link", "add", "late0", "type", "veth", "peer", "name", "late1");
    ns.exec("ip", "link", "del", "late0");
    assertThat(events).isEmpty(); // close() returned only after the loop ended
  }

  private static NetworkChange nextMatching(BlockingQueue<NetworkChange> q, String text)
      throws InterruptedException {
    while (true) {
      NetworkChange c = q.poll(5, TimeUnit.SECONDS);
      assertThat(c).as("waiting for " + text).isNotNull();
      if (c.toString().equals(text)) {
        return c;
      }
    }
  }

  private static NetworkChange nextFor(BlockingQueue<NetworkChange> q, Kind kind, String dev)
      throws InterruptedException {
    while (true) {
      NetworkChange c = next(q, kind);
      if (c.interfaceName().orElse("").equals(dev)) {
        return c;
      }
    }
  }

  private static NetworkChange next(BlockingQueue<NetworkChange> q, Kind kind)
      throws InterruptedException {
    while (true) {
      NetworkChange c = q.poll(5, TimeUnit.SECONDS);
      assertThat(c).as("waiting for " + kind).isNotNull();
      if (c.kind() == kind) {
        return c;
      }
    }
  }
}
