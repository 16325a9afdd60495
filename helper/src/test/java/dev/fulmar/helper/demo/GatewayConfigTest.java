package dev.fulmar.helper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  @Test
  void strongswanConfLoadsUserspaceEspAndTheEapPlugins() {
    String conf = GatewayConfig.strongswanConf();
    assertThat(conf).contains("charon-systemd {").contains("load = kernel-libipsec kernel-netlink")
        .contains(" kdf ").contains("eap-mschapv2").contains("default = -1");
  }

  @Test
  void swanctlConfHasOneRemoteAccessConnectionForTheDemoUser() {
    String conf = GatewayConfig.swanctlConf("demo", "abcd-efgh-jkmn-pqrs".toCharArray());
    assertThat(conf).contains("local_addrs = 192.0.2.1", "certs = gateway.pem",
        "id = 192.0.2.1", "auth = eap-mschapv2", "eap_id = %any", "local_ts = 10.200.0.0/24",
        "addrs = 10.200.1.0/24", "id = demo", "secret = \"abcd-efgh-jkmn-pqrs\"");
    assertThat(conf).doesNotContain(";");
    long open = conf.chars().filter(c -> c == '{').count();
    assertThat(conf.chars().filter(c -> c == '}').count()).isEqualTo(open);
  }
}
