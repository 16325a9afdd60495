package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatAndPortsTest {
  private final ExchangeHarness h = new ExchangeHarness();

  private List<InMemoryNetwork.Datagram> toPort(int port) {
    return h.sentByClient().stream().filter(d -> d.to().getPort() == port).toList();
  }

  @Test
  void movesToPort4500WithTheNonEspMarkerWhenTheGatewayFakesNatDetection() {
    h.gateway.fakeNatD = true;
    h.connect();

    // IKE_SA_INIT ... -->  (port 500, no marker)
    h.toGateway();
    // <-- IKE_SA_INIT { ..., N(NAT_DETECTION_SOURCE_IP) that does not match the gateway }
    h.toClient();
    // IKE_AUTH ... -->   (port 4500, four zero octets in front)
    h.toGateway();
    h.runAll();

    assertThat(toPort(500)).hasSize(1);
    assertThat(toPort(4500)).isNotEmpty().allSatisfy(d ->
        assertThat(d.data()).startsWith(0, 0, 0, 0));
    assertThat(h.info().natDetection().gatewayBehindNat()).isTrue();
    assertThat(h.info().natDetection().localBehindNat()).isFalse();
    assertThat(h.info().localAddress().getPort()).isEqualTo(4500);
    assertThat(h.info().gatewayAddress().getPort()).isEqualTo(4500);
  }

  @Test
  void detectsANatInFrontOfTheClient() {
    h.network.nat(a -> a.getAddress().equals(ExchangeHarness.CLIENT)
        ? new InetSocketAddress(nattedAddress(), a.getPort() + 10000) : a);
    h.connect();
    h.runAll();

    assertThat(h.info().natDetection().localBehindNat()).isTrue();
    assertThat(h.info().natDetection().gatewayBehindNat()).isFalse();
    assertThat(h.clientAddress().getPort()).isEqualTo(14500);
  }

  private static java.net.InetAddress nattedAddress() {
    try {
      return java.net.InetAddress.getByName("203.0.113.7");
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void forcesUdpEncapsulationByFakingItsOwnNatDetectionHash() {
    h.params.forceUdpEncapsulation(true);
    h.connect();
    h.runAll();

    assertThat(h.info().natDetection().forcedByUs()).isTrue();
    assertThat(h.info().natDetection().udpEncapsulation()).isTrue();
    assertThat(toPort(4500)).isNotEmpty();
  }

  @Test
  void fallsBackToAnUnprivilegedSourcePortWithoutRoot() {
    h.network.denyPrivilegedPorts();
    h.connect();
    h.runAll();

    assertThat(h.info().unprivilegedSourcePort()).isTrue();
    assertThat(h.sentByClient().get(0).from().getPort()).isNotEqualTo(500);
    assertThat(h.info().virtualAddresses()).isNotEmpty();
  }
}
