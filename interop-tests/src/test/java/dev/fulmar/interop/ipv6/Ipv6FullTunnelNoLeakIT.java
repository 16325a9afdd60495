package dev.fulmar.interop.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full tunnel to a gateway without IPv6 (no IPv6 pool, IPv4 selectors only) on a host that has
 * IPv6 of its own: the gateway narrows the client's ::/0 away and assigns no IPv6 address, yet
 * IPv6 must not bypass the tunnel. The client's IPv6 route to the outside (here: to the
 * gateway's LAN address, which the gateway answers itself) works before connect, leads into the
 * tunnel and goes nowhere while it is up, and works again after disconnect.
 */
class Ipv6FullTunnelNoLeakIT {
  static final Pki PKI = Pki.shared();
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.dualStack("ipv6-no-leak", PKI)
      .withIpv4OnlyGateway();

  @Test
  void ipv6GoesIntoTheTunnelAndNowhereElseWhenTheGatewayHasNoIpv6() {
    String before = LAB.fulmard().systemState();
    Ping.Result outside = Ping.to(Lab.GATEWAY_LAN_IP6).count(1).run(LAB.lab().client());
    assertThat(outside.allReceived()).as("reachable without the tunnel: " + outside.output())
        .isTrue();

    LabProcess run = LAB.fulmard().start(LAB.fulmard().full("no-ipv6-gateway"));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("all traffic").doesNotContain("2001:db8:201:");
      String device = Ipv6InsideIpv4IT.device(up);
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Lab.GATEWAY_LAN_IP6).stdout())
          .contains("dev " + device);
      Ping.Result leak = Ping.to(Lab.GATEWAY_LAN_IP6).count(2).run(LAB.lab().client());
      assertThat(leak.received()).as("IPv6 outside the tunnel: " + leak.output()).isZero();
      Ping.Result v4 = Ping.to(Lab.LAN_HOST_IP).count(2).run(LAB.lab().client());
      assertThat(v4.allReceived()).as(v4.output() + run.logTail(10)).isTrue();

      IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(sa.remoteVips()).noneMatch(a -> a.contains(":"));
      assertThat(sa.children().get(0).localTs()).containsExactly("0.0.0.0/0");
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(LAB.fulmard().systemState()).isEqualTo(before);
    assertThat(LAB.gateway().awaitNoClientSa(Duration.ofSeconds(15))).isTrue();
    Ping.Result after = Ping.to(Lab.GATEWAY_LAN_IP6).count(1).run(LAB.lab().client());
    assertThat(after.allReceived()).as(after.output()).isTrue();
  }
}
