package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.datapath.ManualKeying;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The manually keyed test mode sets the TUN from the SA selectors as each host sees them. */
class BenchPeerCommandTest {
  /** Arbitrary test keys: 16-byte AES key + 4-byte salt per direction. */
  private static final String KEY_IN = "000102030405060708090a0b0c0d0e0f10111213";
  private static final String KEY_OUT = "202122232425262728292a2b2c2d2e2f30313233";

  @Test
  void eachHostGetsItsOwnSelectorAsAddressAndThePeersAsRoute() throws Exception {
    Properties p = new Properties();
    p.setProperty("transform", "aes128gcm16");
    p.setProperty("spi.in", "0xc0000001");
    p.setProperty("spi.out", "0xc0000002");
    p.setProperty("key.in", KEY_IN);
    p.setProperty("key.out", KEY_OUT);
    p.setProperty("local.ts", "198.51.100.1/32");
    p.setProperty("remote.ts", "198.51.100.2/32");
    p.setProperty("peer", "203.0.113.2:4500");

    TunnelNetworkConfig a = config(ManualKeying.of(p));
    TunnelNetworkConfig b = config(ManualKeying.of(p).mirrored("203.0.113.1:4500"));

    assertThat(a.addresses()).hasToString("[198.51.100.1/32]");
    assertThat(a.routes()).containsExactly(IpPrefix.parse("198.51.100.2/32"));
    assertThat(a.gateway()).isEqualTo(InetAddress.getByName("203.0.113.2"));
    assertThat(a.mode()).isEqualTo(RoutingMode.SPLIT);
    assertThat(a.dns().isEmpty()).isTrue();
    assertThat(b.addresses()).hasToString("[198.51.100.2/32]");
    assertThat(b.routes()).containsExactly(IpPrefix.parse("198.51.100.1/32"));
  }

  private static TunnelNetworkConfig config(ManualKeying keys) throws Exception {
    SaTable sas = new SaTable();
    sas.install(keys.toPair());
    EspSa out = sas.installed().stream()
        .filter(s -> s.direction() == EspSa.Direction.OUTBOUND).findFirst().orElseThrow();
    return BenchPeerCommand.network("fulmar0", out, 1438, (InetSocketAddress) out.peer());
  }
}
