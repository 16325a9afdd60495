package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client behind the lab's nftables masquerade NAT connects and reaches the LAN. */
class NatIT {
  private static final Pki PKI = Pki.shared();

  @Test
  void clientBehindMasqueradeConnectsThroughTheNat() {
    try (Lab lab = Lab.createWithNat("nat")) {
      StrongSwanGateway gateway = StrongSwanGateway.start(lab,
          GatewayConfig.remoteAccess(PKI).build());
      StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).build());
      client.initiate("lan");

      IkeSa mine = client.listSas().get(0);
      assertThat(mine.localHost()).isEqualTo(Lab.CLIENT_BEHIND_NAT_IP);
      assertThat(mine.natLocal()).as("client sees itself behind NAT").isTrue();
      IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(sa.remoteHost()).isEqualTo(Lab.NAT_OUTSIDE_IP);
      assertThat(sa.natRemote()).isTrue();
      assertThat(sa.remotePort()).isNotEqualTo(500);

      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output()).isTrue();
    }
  }
}
