package dev.fulmar.interop.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.interop.daemon.FulmardDaemon;
import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.ProfileOptions;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The helper as a service keeps a tunnel up by itself (issue 4's proofs, against strongSwan
 * 5.9.8): the gateway's daemon is killed, the helper's state becomes {@code RECONNECTING} once
 * dead-peer detection gives up (within two DPD intervals), the gateway comes back and the tunnel with it, without any
 * request, and traffic to the LAN host flows again; and {@code kill -9} of the helper with a
 * full tunnel and its kill switch up, then a restart, leaves routes, addresses, DNS, nftables and
 * TUN devices exactly as before the connect; and a password the restarted gateway refuses ends
 * the tunnel after one attempt instead of being tried again and again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonReconnectIT {
  private static final Pki PKI = Pki.shared();
  private static final int DPD_SECONDS = 5;
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun files;
  private static FulmardDaemon daemon;
  private final List<TunnelState> states = new CopyOnWriteArrayList<>();
  private final List<TunnelStatus> statuses = new CopyOnWriteArrayList<>();
  private String before;

  @BeforeAll
  static void start() {
    lab = Lab.create("daemon-reconnect");
    // A new IKE SA of the same user replaces one a killed client left at the gateway.
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .connOption("unique", "replace").build());
    files = new FulmardRun(lab, PKI);
    daemon = new FulmardDaemon(lab, files);
    daemon.start();
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void recordState() {
    before = files.systemStateWithFirewall();
  }

  @Test
  @Order(1)
  void aGatewayThatDiesAndComesBackIsReconnectedWithoutUserAction() throws Exception {
    Profile profile = profile("Restarted gateway", ProfileOptions.fullTunnel()
        .dpd(DPD_SECONDS));
    try (ControlClient c = subscribed()) {
      assertThat(c.connect(Connect.withProfile(profile, password()), Duration.ofSeconds(90))
          .status().state()).isEqualTo(TunnelState.CONNECTED);
      assertThat(Ping.to(Lab.LAN_HOST_IP).count(2).run(lab.client()).allReceived()).isTrue();

      int mark = states.size();
      gateway.kill();
      long killed = System.nanoTime();
      // the last sign of life was at most one DPD interval ago; the check is given up after
      // another: two intervals, plus slack for a loaded machine
      awaitState(c, mark, TunnelState.RECONNECTING, Duration.ofSeconds(2 * DPD_SECONDS + 15));
      long reconnecting = System.nanoTime();
      Measurements.record("daemon: gateway killed -> RECONNECTING (DPD " + DPD_SECONDS
          + " s) ms", String.valueOf((reconnecting - killed) / 1_000_000));
      assertThat(lab.client().exec("ip", "addr", "show", "fulmar0").stdout())
          .as("the device and its address stay while reconnecting").contains("inet 10.201.0.");
      TunnelStatus why = statuses.stream().filter(x -> x.state() == TunnelState.RECONNECTING)
          .findFirst().orElseThrow();
      assertThat(why.failure()).as("the app can say why").isNotNull();
      assertThat(why.failure().code()).isEqualTo("PEER_UNREACHABLE");
      assertThat(why.failure().step()).isEqualTo("LIVENESS");

      mark = states.size();
      gateway.restart();
      long restarted = System.nanoTime();
      awaitState(c, mark, TunnelState.CONNECTED, Duration.ofSeconds(120));
      Measurements.record("daemon: gateway restarted -> CONNECTED again ms",
          String.valueOf((System.nanoTime() - restarted) / 1_000_000));
      assertThat(c.status().status().state()).isEqualTo(TunnelState.CONNECTED);
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output() + "\n" + daemon.log()).isTrue();
      assertThat(states).as("no request between connect and here")
          .containsSubsequence(TunnelState.CONNECTED, TunnelState.RECONNECTING,
              TunnelState.CONNECTED)
          .doesNotContain(TunnelState.DISCONNECTING, TunnelState.ERROR);

      c.disconnect(Duration.ofSeconds(60));
    }
    assertThat(files.systemStateWithFirewall()).isEqualTo(before);
  }

  @Test
  @Order(2)
  void killMinus9WithTheKillSwitchUpThenARestartRestoresTheSystem() throws Exception {
    Profile profile = profile("Crashing helper", ProfileOptions.fullTunnel()
        .withKillSwitch());
    try (ControlClient c = subscribed()) {
      assertThat(c.connect(Connect.withProfile(profile, password()), Duration.ofSeconds(90))
          .status().state()).isEqualTo(TunnelState.CONNECTED);
    }
    assertThat(files.nftRuleset()).contains("table inet fulmar");
    assertThat(lab.client().exec("ip", "link").stdout()).contains("fulmar0");

    daemon.process().kill();
    String residue = files.systemStateWithFirewall();
    assertThat(residue).as("a killed helper fails closed: its firewall table stays")
        .contains("table inet fulmar").contains("nameserver " + Lab.PUSHED_DNS);

    daemon.start();
    assertThat(daemon.log()).contains("undid what a crashed helper left behind");
    assertThat(files.systemStateWithFirewall()).as("routes, addresses, TUN, DNS and nftables as before")
        .isEqualTo(before);
    try (ControlClient c = subscribed()) {
      assertThat(c.status().status().state()).isEqualTo(TunnelState.DISCONNECTED);
    }
  }

  @Test
  @Order(3)
  void aPasswordRefusedOnReconnectEndsTheTunnelAfterOneAttempt() throws Exception {
    Profile profile = profile("Changed password", ProfileOptions.fullTunnel()
        .dpd(DPD_SECONDS));
    Path secrets = gateway.configDir().resolve("swanctl").resolve("swanctl.conf");
    String original = Files.readString(secrets);
    try (ControlClient c = subscribed()) {
      assertThat(c.connect(Connect.withProfile(profile, password()), Duration.ofSeconds(90))
          .status().state()).isEqualTo(TunnelState.CONNECTED);

      // The administrator changes the user's password and restarts the gateway.
      int mark = states.size();
      gateway.kill();
      Files.writeString(secrets, original.replace(GatewayConfig.EAP_PASSWORD,
          "changed-by-the-administrator"));
      gateway.restart();
      awaitState(c, mark, TunnelState.ERROR, Duration.ofSeconds(150));

      TunnelStatus end = c.status().status();
      assertThat(end.state()).isEqualTo(TunnelState.ERROR);
      assertThat(end.failure().step()).isEqualTo("IKE_AUTH");
      assertThat(end.failure().code()).isIn("USER_AUTH_FAILED", "EAP_FAILED");
      FulmardRun.sleep(10_000); // time for a blind retry (the first wait is 1 s)
      assertThat(FulmardRun.read(gateway.logFile()))
          .as("one attempt with the refused password, no retry")
          .containsOnlyOnce("parsed IKE_SA_INIT request");
    } finally {
      Files.writeString(secrets, original);
      gateway.restart();
    }
    assertThat(files.systemStateWithFirewall()).isEqualTo(before);
    assertThat(daemon.log()).doesNotContain(GatewayConfig.EAP_PASSWORD);
  }

  private ControlClient subscribed() throws Exception {
    ControlClient c = ControlClient.connect(daemon.socket(), "reconnect-it", "1", e -> {
      if (e instanceof StateEvent s) {
        statuses.add(s.status());
        states.add(s.status().state());
      }
    }, Duration.ofSeconds(10));
    c.subscribe(Topic.STATE);
    return c;
  }

  /** Waits for a state event {@code want} among those from index {@code from} on. */
  private void awaitState(ControlClient c, int from, TunnelState want, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (states.subList(from, states.size()).contains(want)) {
        return;
      }
      if (states.subList(from, states.size()).contains(TunnelState.ERROR)) {
        throw new AssertionError("the tunnel ended: " + c.status() + "\n" + daemon.log());
      }
      FulmardRun.sleep(50);
    }
    throw new AssertionError("no " + want + " after " + timeout + ": " + states + "\n"
        + daemon.log());
  }

  private static Credentials password() {
    return Credentials.eapPassword(GatewayConfig.EAP_PASSWORD.toCharArray());
  }

  private static Profile profile(String name, ProfileOptions o) {
    var r = ProfileCodec.read(files.profileJson(name, o));
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    return r.profile();
  }
}
