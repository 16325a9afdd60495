package dev.fulmar.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.interop.fulmar.CommandRun;
import dev.fulmar.interop.fulmar.LocalAccounts;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The helper as a service (issue 4's proofs): {@code fulmard daemon} runs in the client
 * namespace against the strongSwan 5.9.8 gateway; root saves system profiles over the socket; a
 * real unprivileged user in the operator group connects, reads the status, reaches the LAN host
 * through the tunnel and disconnects with the real {@code fulmar} CLI; users outside the group
 * are refused (exit 4) and the helper logs the attempt; {@code kill -9} with a tunnel up and a
 * restart put the namespace back as it was; and no secret reaches the helper's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static LocalAccounts accounts;
  private static FulmardDaemon daemon;
  private static CliRunner fulmar;

  @BeforeAll
  static void start() {
    lab = Lab.create("daemon");
    // A new IKE SA of the same user replaces the one a killed helper left at the gateway.
    StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .connOption("unique", "replace").build());
    accounts = new LocalAccounts("flabd");
    daemon = new FulmardDaemon(lab, accounts.group);
    daemon.start();
    fulmar = new CliRunner(lab, daemon.socket());
  }

  @AfterAll
  static void stop() {
    try {
      if (lab != null) {
        lab.close();
      }
    } finally {
      if (accounts != null) {
        accounts.close();
      }
    }
  }

  /** An EAP-MSCHAPv2 profile for the lab gateway with the CA inside (no file references). */
  static Profile profile(String name, boolean full) {
    String routing = full ? "{ \"mode\": \"full\" }"
        : "{ \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] }";
    String json = "{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"" + name + "\","
        + "\"gateway\":{\"host\":\"" + Lab.GATEWAY_IP + "\"},"
        + "\"trust\":{\"caCertificates\":[{\"pem\":" + quoted(PKI.caPem()) + "}],"
        + "\"systemTrustStore\":false},\"tunnel\":" + routing + ","
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"" + GatewayConfig.EAP_USER
        + "\"}}";
    var r = ProfileCodec.read(json);
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    return r.profile();
  }

  private static void saveAsRoot(Profile p) throws Exception {
    try (ControlClient root = ControlClient.connect(daemon.socket(), "daemon-it", "1")) {
      assertThat(root.welcome().peer().role().name()).isEqualTo("ADMIN");
      root.saveSystemProfile(p);
    }
  }

  @Test
  @Order(1)
  void anOperatorConnectsReadsStatusReachesTheLanAndDisconnects() throws Exception {
    String before = daemon.systemState();
    Profile office = profile("Office", false);
    saveAsRoot(office);
    Path saved = daemon.profilesDir().resolve(office.id() + ".vpn");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
        .as("the app lists system profiles itself").isEqualTo("rw-r--r--");

    CommandRun up = fulmar.asUser(accounts.operator, GatewayConfig.EAP_PASSWORD,
        "connect", "Office", "--password-stdin", "--json");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.json().path("status").path("state").asText()).isEqualTo("CONNECTED");

    CommandRun status = fulmar.asUser(accounts.operator, null, "status", "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode s = status.json().path("status");
    assertThat(s.path("state").asText()).isEqualTo("CONNECTED");
    assertThat(s.path("profile").asText()).isEqualTo("Office");
    assertThat(s.path("session").path("virtualAddresses").get(0).asText()).startsWith("10.201.0.");
    assertThat(s.path("session").path("splitSubnets").toString()).contains(Lab.LAN_SUBNET);

    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output()).isTrue();

    CommandRun down = fulmar.asUser(accounts.operator, null, "disconnect");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(daemon.systemState()).isEqualTo(before);
    assertThat(fulmar.asUser(accounts.operator, null, "status", "--json").json()
        .path("status").path("state").asText()).isEqualTo("DISCONNECTED");
  }

  @Test
  @Order(2)
  void theHelperAsksTheClientForAMissingPasswordMidConnect() throws Exception {
    CompletableFuture<PromptEvent> asked = new CompletableFuture<>();
    try (ControlClient c = ControlClient.connect(daemon.socket(), "daemon-it", "1",
        e -> {
          if (e instanceof PromptEvent p) {
            asked.complete(p);
          }
        }, Duration.ofSeconds(10))) {
      CompletableFuture<StatusReport> up = CompletableFuture.supplyAsync(() -> {
        try {
          return c.connect(Connect.byName("Office", Credentials.none()), Duration.ofSeconds(90));
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      PromptEvent p = asked.get(60, TimeUnit.SECONDS);
      assertThat(p.kind()).isEqualTo(PromptKind.EAP_CREDENTIALS);
      assertThat(p.hint()).contains("(authenticated)");
      c.answer(AnswerPrompt.answer(p.promptId(), null,
          GatewayConfig.EAP_PASSWORD.toCharArray()));
      assertThat(up.get(90, TimeUnit.SECONDS).status().state().name()).isEqualTo("CONNECTED");
      BundleData bundle = c.bundle(Duration.ofSeconds(30));
      assertThat(unzipped(bundle.zip())).contains("Office")
          .doesNotContain(GatewayConfig.EAP_PASSWORD);
      c.disconnect(Duration.ofSeconds(60));
    }
    // Without a terminal and without --password-stdin the CLI refuses the prompt.
    CommandRun noPassword = fulmar.asUser(accounts.operator, null, "connect", "Office");
    assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(8);
    assertThat(daemon.log()).doesNotContain(GatewayConfig.EAP_PASSWORD);
  }

  @Test
  @Order(2)
  void anOperatorDiagnosesThroughTheHelperAndWithoutIt() throws Exception {
    CommandRun viaHelper = fulmar.asUser(accounts.operator, GatewayConfig.EAP_PASSWORD,
        "diagnose", "Office", "--password-stdin", "--json");
    assertThat(viaHelper.exitCode()).as(viaHelper.toString()).isZero();
    assertThat(viaHelper.json().path("report").path("negotiated").path("ikeAlgorithms")
        .asText()).isEqualTo("aes256gcm16-prfsha384-ecp384");
    assertThat(daemon.log()).contains("diagnoses 'Office'");

    // No helper at this socket: the CLI runs the engine itself (LocalDiagnoser), as the user.
    Path file = lab.uniqueDir("user-profiles").resolve("office.vpn");
    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(file, ProfileCodec.write(profile("Office", false)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    CommandRun local = fulmar.inClientNamespaceAsNobody(GatewayConfig.EAP_PASSWORD,
        "--socket", file.resolveSibling("no-helper.sock").toString(), "diagnose",
        file.toString(),
        "--password-stdin", "--json");
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.stderr()).contains("the helper is not running");
    assertThat(local.json().path("report").path("negotiated").path("unprivilegedSourcePort")
        .asBoolean()).isTrue();
  }

  private static String unzipped(byte[] zip) throws Exception {
    StringBuilder b = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        b.append(e.getName()).append('\n')
            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return b.toString();
  }

  @Test
  @Order(2)
  void usersOutsideTheGroupAreRefusedAndTheHelperLogsTheAttempt() {
    CommandRun refused = fulmar.asNobodyWithGroup(LocalAccounts.gid(accounts.group),
        "status");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
    assertThat(refused.stderr()).contains("nobody");
    assertThat(daemon.log()).contains("refused").contains("nobody (uid 65534)");

    CommandRun noAccess = fulmar.asNobody("status");
    assertThat(noAccess.exitCode()).as("the socket's permissions keep it out")
        .isEqualTo(4);
    CommandRun connect = fulmar.asNobodyWithGroup(LocalAccounts.gid(accounts.group),
        "connect", "Office");
    assertThat(connect.exitCode()).as(connect.toString()).isEqualTo(4);
  }

  @Test
  @Order(3)
  void rootDoesEverythingAndNoSecretReachesTheLog() throws Exception {
    saveAsRoot(profile("Root office", false));
    CommandRun up = fulmar.asRoot(GatewayConfig.EAP_PASSWORD, "connect", "Root office",
        "--password-stdin", "--json");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    CommandRun logs = fulmar.asRoot(null, "logs", "-n", "500");
    assertThat(logs.exitCode()).as(logs.toString()).isZero();
    assertThat(logs.stdout()).contains("connected");
    assertThat(fulmar.asRoot(null, "disconnect").exitCode()).isZero();

    assertThat(logs.stdout()).doesNotContain(GatewayConfig.EAP_PASSWORD);
    assertThat(daemon.log()).contains("connects 'Office'")
        .doesNotContain(GatewayConfig.EAP_PASSWORD);
  }

  @Test
  @Order(4)
  void killMinus9WithATunnelUpThenARestartRestoresTheSystem() throws Exception {
    String before = daemon.systemState();
    saveAsRoot(profile("Full", true));
    CommandRun up = fulmar.asUser(accounts.operator, GatewayConfig.EAP_PASSWORD,
        "connect", "Full", "--password-stdin");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(daemon.systemState()).isNotEqualTo(before);

    daemon.process().kill();
    String residue = daemon.systemState();
    assertThat(residue).as("what a killed helper leaves").isNotEqualTo(before)
        .contains("nameserver " + Lab.PUSHED_DNS);

    daemon.start();
    assertThat(daemon.systemState()).isEqualTo(before);
    assertThat(daemon.log()).contains("undid what a crashed helper left behind");
    assertThat(fulmar.asUser(accounts.operator, null, "status", "--json").json()
        .path("status").path("state").asText()).isEqualTo("DISCONNECTED");
  }

  @Test
  @Order(5)
  void fuzzedMessagesAndMisbehavingClientsLeaveTheHelperAnswering() throws Exception {
    ControlAbuse.Outcome o = ControlAbuse.run(daemon.socket(), 10_000, 50);
    Measurements.record("fulmard daemon: hello + status after " + o.linesAnswered()
        + " answered bad lines and 50 misbehaving clients", o.statusAfter().toMillis() + " ms");
    assertThat(o.linesAnswered()).isGreaterThanOrEqualTo(10_000);
    assertThat(o.statusAfter()).as("status after the abuse").isLessThan(Duration.ofSeconds(1));
    assertThat(daemon.process().isAlive()).isTrue();
    CommandRun status = fulmar.asUser(accounts.operator, null, "status", "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
  }

  @Test
  @Order(6)
  void sigtermStopsTheHelperWithExitZero() {
    daemon.process().stop(Duration.ofSeconds(30));
    assertThat(daemon.process().exitValue()).isZero();
    assertThat(daemon.log()).contains("stopped");
    assertThat(Files.exists(daemon.socket())).isFalse();
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
