package dev.fulmar.interop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.interop.daemon.FulmardDaemon;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.fulmar.LocalAccounts;
import dev.fulmar.interop.lab.Credential;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, as a user does it: an unprivileged user in the operator group runs {@code fulmar
 * import FILE}, which saves the profile an admin sent into the user's own profiles, then {@code
 * fulmar connect NAME --password-stdin}, which has the running helper ({@code fulmard daemon}
 * as root in the lab's client namespace) bring the tunnel up with it against strongSwan 5.9.8.
 * For a {@code .sswan}, an (unsigned) {@code .mobileconfig} and a {@code .vpn}: the gateway's
 * SA shows the identity, algorithms and traffic selectors the file asked for, {@code fulmar
 * status} the virtual IP the gateway assigned, the LAN host answers through the tunnel, and
 * {@code fulmar disconnect} removes the SA at the gateway. Neither the user's files nor the
 * helper's log ever hold the secret typed in.
 */
class ImportThenConnectIT {
  private static final Pki PKI = Pki.shared();
  private static final String CBC_IKE = "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048";
  private static final List<String> SECRETS =
      List.of(GatewayConfig.EAP_PASSWORD, ForeignProfiles.P12_PASSWORD);
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static LocalAccounts account;
  private static FulmardDaemon helper;
  private static UserSession user;
  private static ForeignProfiles files;
  private static AppleProfiles apple;

  @BeforeAll
  static void start() {
    lab = Lab.create("profiles-connect");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    account = new LocalAccounts("flabp");
    helper = new FulmardDaemon(lab, account.group);
    helper.start();
    user = UserSession.operator(lab, helper.socket(), account.operator);
    files = new ForeignProfiles(PKI, user.downloads());
    apple = new AppleProfiles(PKI, user.downloads());
  }

  @AfterAll
  static void stop() {
    try {
      if (helper != null) {
        String log = helper.log();
        assertThat(log).contains(account.operator + " (uid ").contains("connects");
        SECRETS.forEach(s -> assertThat(log).as("the helper's log").doesNotContain(s));
      }
      if (user != null) {
        SECRETS.forEach(user::assertNoFileContains);
      }
    } finally {
      try {
        if (lab != null) {
          lab.close();
        }
      } finally {
        if (account != null) {
          account.close();
        }
      }
    }
  }

  @Test
  void anImportedSswanConnectsWithItsProposalsAndSplitTunnel() {
    String name = imported(files.sswanEap(), "Lab EAP (sswan)");
    IkeSa sa = connectReachTheLanAndDisconnect(name, GatewayConfig.EAP_PASSWORD);
    assertThat(sa.name()).isEqualTo("eap-mschapv2");
    assertThat(sa.eapIdentity()).isEqualTo(GatewayConfig.EAP_USER);
    assertThat(sa.proposal()).isEqualTo("AES_GCM_16-128/PRF_HMAC_SHA2_256/CURVE_25519");
    assertThat(sa.children().get(0).proposal()).startsWith("CHACHA20_POLY1305");
    assertThat(sa.children().get(0).name()).isEqualTo("lan");
  }

  @Test
  void anImportedMobileconfigConnectsWithItsPkcs12() {
    Credential maya = PKI.clientWithEmail("maya@fulmar.test", Pki.KeyKind.RSA_2048);
    String name = imported(apple.certificate(maya), "Lab certificate (mobileconfig)");
    IkeSa sa = connectReachTheLanAndDisconnect(name, ForeignProfiles.P12_PASSWORD);
    assertThat(sa.name()).isEqualTo("pubkey");
    assertThat(sa.remoteId()).isEqualTo(maya.identity());
    assertThat(sa.proposal()).isEqualTo(CBC_IKE);
    assertThat(sa.children().get(0).proposal()).isEqualTo("AES_GCM_16-128");
    assertThat(sa.children().get(0).name()).isEqualTo("full");
  }

  @Test
  void anImportedFulmarProfileConnectsWithTheFilesItNamed() {
    Credential frank = PKI.clientWithEmail("frank@fulmar.test", Pki.KeyKind.RSA_2048);
    String name = imported(files.fulmarCertificate(frank), "Lab certificate (vpn)");
    IkeSa sa = connectReachTheLanAndDisconnect(name, ForeignProfiles.P12_PASSWORD);
    assertThat(sa.name()).isEqualTo("pubkey");
    assertThat(sa.remoteId()).isEqualTo(frank.identity());
    assertThat(sa.proposal()).isEqualTo(CBC_IKE);
    assertThat(sa.children().get(0).proposal()).isEqualTo("AES_CBC-256/HMAC_SHA2_256_128");
    assertThat(sa.children().get(0).name()).isEqualTo("lan");
  }

  /** {@code fulmar import FILE} as a person types it; returns the saved profile's name. */
  private static String imported(java.nio.file.Path file, String expectedName) {
    CommandRun r = user.fulmar(null, "import", file.getFileName().toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("Mapped:", expectedName);
    CommandRun list = user.fulmar(null, "list");
    assertThat(list.stdout()).as(list.toString()).contains(expectedName);
    return expectedName;
  }

  /**
   * {@code fulmar connect NAME --password-stdin --json}, then, with the tunnel up, the gateway's
   * SA, {@code fulmar status} and a ping to the LAN host; then {@code fulmar disconnect}.
   */
  private static IkeSa connectReachTheLanAndDisconnect(String name, String secret) {
    long t0 = System.nanoTime();
    CommandRun up = user.fulmar(secret, "connect", name, "--password-stdin", "--json");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(up.exitCode()).as("%s%nhelper:%n%s%ngateway:%n%s", up, helper.log(),
        gateway.logTail(30)).isZero();
    assertThat(up.json().at("/status/state").asText()).isEqualTo("CONNECTED");
    assertThat(up.output()).doesNotContain(secret);
    try {
      IkeSa sa = gateway.awaitSa(s -> s.established() && !s.remoteVips().isEmpty()
          && s.children().stream().anyMatch(c -> c.installed()), Duration.ofSeconds(30))
          .orElseThrow(() -> new AssertionError("no established SA at the gateway:\n"
              + gateway.logTail(30)));
      JsonNode status = user.fulmar(null, "status", "--json").json().path("status");
      assertThat(status.path("state").asText()).isEqualTo("CONNECTED");
      assertThat(status.path("profile").asText()).isEqualTo(name);
      assertThat(status.at("/session/virtualAddresses/0").asText())
          .isEqualTo(sa.remoteVips().get(0));
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output()).isTrue();
      Measurements.record("imported '" + name + "': fulmar connect (cold CLI JVM)", ms + " ms");
      return sa;
    } finally {
      CommandRun down = user.fulmar(null, "disconnect");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(15))).as("deleted at the gateway")
          .isTrue();
    }
  }
}
