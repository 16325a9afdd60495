package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharonConfigTest {
  private static final Pki PKI = Pki.shared();

  @Test
  void strongswanConfLoadsUserspaceEspAndKdfAndLogsToStderr() {
    String conf = new CharonConfig().strongswanConf();

    assertThat(conf).startsWith("charon-systemd {\n");
    assertThat(conf).contains("  load = \"kernel-libipsec kernel-netlink socket-default vici kdf ");
    assertThat(conf).contains("    stderr {\n", "      flush_line = yes\n");
    assertThat(conf).contains("    eap-gtc {\n      backend = generic\n");
  }

  @Test
  void tlsLibrarySettingsGoOutsideTheDaemonSection() {
    String conf = GatewayConfig.remoteAccess(PKI).tlsVersionMax("1.2").build().strongswanConf();

    assertThat(conf).endsWith("}\nlibtls {\n  version_max = 1.2\n}\n");
  }

  @Test
  void gatewayHasOneConnectionPerAuthMethodWithSplitAndFullChildren() {
    String conf = GatewayConfig.remoteAccess(PKI).build().swanctlConf();

    for (String conn : new String[] {"eap-mschapv2", "pubkey", "eap-tls", "eap-md5", "eap-gtc",
        "psk"}) {
      assertThat(conf).contains("  " + conn + " {\n");
    }
    assertThat(conf).contains("proposals = " + GatewayConfig.IKE_PROPOSALS + "\n");
    assertThat(conf).contains("      lan {\n        local_ts = 10.200.0.0/24\n");
    assertThat(conf).contains("      full {\n        local_ts = 0.0.0.0/0\n");
    assertThat(conf).contains("      id = *@tls.fulmar.test\n");
    assertThat(conf).contains("pool4 {\n    addrs = 10.201.0.0/24\n    dns = 10.200.0.53\n");
    assertThat(conf).contains("    id = alice\n    secret = fulmar-lab-alice-pw\n");
  }

  @Test
  void dualStackGatewayAddsAnIpv6PoolAndIpv6Selectors() {
    String conf = GatewayConfig.remoteAccess(PKI).dualStack().build().swanctlConf();

    assertThat(conf).contains("pools = pool4,pool6\n");
    assertThat(conf)
        .contains("      lan {\n        local_ts = 10.200.0.0/24,2001:db8:200::/64\n");
    assertThat(conf).contains("      full {\n        local_ts = 0.0.0.0/0,::/0\n");
    assertThat(conf)
        .contains("pool6 {\n    addrs = 2001:db8:201::/120\n    dns = 2001:db8:200::53\n");
  }

  @Test
  void singleStackGatewayHasNoIpv6() {
    String conf = GatewayConfig.remoteAccess(PKI).build().swanctlConf();

    assertThat(conf).doesNotContain("pool6", "::", "2001:db8");
  }

  @Test
  void forcedCookiesLowerTheThresholdAndAddTheDecoyConnection() {
    CharonConfig c = GatewayConfig.remoteAccess(PKI).forceCookies().build();

    assertThat(c.cookiesForced()).isTrue();
    assertThat(c.strongswanConf()).contains("cookie_threshold = 1", "half_open_timeout = 3600");
    assertThat(c.swanctlConf()).contains("  cookie-decoy {\n", "remote_addrs = 10.200.0.10",
        "proposals = " + CookieDecoy.PROPOSAL);
  }

  @Test
  void clientRequestsVirtualIpAndChecksGatewayName() {
    String conf = ClientConfig.eapMschapv2(PKI).ikeProposals("aes256-sha256-modp2048").build()
        .swanctlConf();

    assertThat(conf).contains("  home {\n", "remote_addrs = 192.0.2.1", "vips = 0.0.0.0",
        "proposals = aes256-sha256-modp2048", "auth = eap-mschapv2", "eap_id = alice",
        "      id = vpn.fulmar.test\n", "remote_ts = 10.200.0.0/24", "remote_ts = 0.0.0.0/0");
  }

  @Test
  void writesCertificatesAndPrivateKeysReadableByRootOnly(@TempDir Path dir) throws Exception {
    Credential gw = PKI.gateway(Pki.KeyKind.ECDSA_P256);
    GatewayConfig.remoteAccess(PKI).gatewayCert(gw).build().writeTo(dir);

    Path key = dir.resolve("swanctl/private/" + gw.name() + ".pem");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(dir.resolve("swanctl/x509/" + gw.name() + ".pem")).exists();
    assertThat(Files.list(dir.resolve("swanctl/x509ca")).count()).isOne();
    assertThat(dir.resolve("swanctl/x509crl")).isDirectory();
    assertThat(Files.readString(dir.resolve("swanctl/swanctl.conf")))
        .contains("certs = " + gw.name() + ".pem");
  }
}
