package dev.fulmar.interop.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A profile whose primary gateway does not answer: {@code fulmard run} gives it a bounded time
 * to answer IKE_SA_INIT, says so, and comes up through the fallback gateway, which the UP line
 * names. The primary is {@link #DEAD_GATEWAY}, an address of the client's own subnet that no
 * namespace holds (nothing answers ARP for it, so IKE_SA_INIT goes nowhere); the fallback is the
 * standard gateway. After SIGTERM the system is as before and no SA is left at the gateway.
 * A gateway that answers and refuses (here: a remote identity it has no connection for) ends the
 * run with its refusal; the fallback is not tried.
 */
class FallbackGatewayIT {
  static final Pki PKI = Pki.shared();
  /** In the client's subnet 192.0.2.0/24, held by no host of the lab. */
  static final String DEAD_GATEWAY = "192.0.2.77";

  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.ipv4("fallback-gateway", PKI)
      .expectingNoSaAfterEachTest();

  @Test
  void comesUpThroughTheFallbackWhenThePrimaryDoesNotAnswer() {
    Path profile = profile("fallback", DEAD_GATEWAY, Lab.GATEWAY_IP, null);
    long started = System.nanoTime();
    LabProcess run = LAB.fulmard().start(profile);
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Measurements.record("fulmard run: up through the fallback gateway (primary dead)",
          took.toMillis() + " ms");

      assertThat(up).endsWith("gateway " + Lab.GATEWAY_IP);
      String log = FulmardRun.read(run.log());
      assertThat(log).contains("CONNECTING: to " + DEAD_GATEWAY + " from " + Lab.CLIENT_IP);
      assertThat(log).contains("CONNECTING: gateway " + DEAD_GATEWAY + " cannot be reached (the"
          + " gateway " + DEAD_GATEWAY + " did not answer the IKE_SA_INIT request (4 attempts in"
          + " 10 s)); trying the next one, " + Lab.GATEWAY_IP);
      assertThat(log).contains("CONNECTING: to " + Lab.GATEWAY_IP + " from " + Lab.CLIENT_IP);
      assertThat(took).as("the primary costs its 10 s, not the engine's minute")
          .isLessThan(Duration.ofSeconds(45));

      IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(sa.remoteVips()).isNotEmpty();
      assertThat(Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client()).allReceived())
          .isTrue();
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @Test
  void aGatewayThatAnswersAndRefusesIsReportedWithoutTryingTheFallback() {
    Path profile = profile("wrong-identity", Lab.GATEWAY_IP, DEAD_GATEWAY,
        "wrong.fulmar.test");
    LabProcess run = LAB.fulmard().start(profile);
    try {
      assertThat(run.waitFor(Duration.ofSeconds(60))).as("fulmard run ends").isTrue();
      String log = FulmardRun.read(run.log());
      assertThat(run.exitValue()).as(log).isBetween(3, 8);
      // strongSwan finds no connection for IDr wrong.fulmar.test and answers AUTHENTICATION_FAILED
      assertThat(log).contains("fulmard run: IKE_AUTH failed: ");
      assertThat(log).doesNotContain("to " + DEAD_GATEWAY).doesNotContain("UP:");
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  /**
   * A split-tunnel EAP-MSCHAPv2 profile with {@code primary} as its gateway and {@code fallback}
   * as its only fallback gateway; without {@code remoteId} (null) each gateway must prove its
   * own address.
   */
  private static Path profile(String name, String primary, String fallback, String remoteId) {
    String json = "{\n  \"format\": \"fulmar-profile\",\n  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"" + primary + "\" },\n"
        + "  \"fallbackGateways\": [ { \"host\": \"" + fallback + "\" } ],\n"
        + (remoteId == null ? "" : "  \"remoteId\": \"" + remoteId + "\",\n")
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + FulmardRun.quoted(PKI.caPem())
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"tunnel\": { \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET + "\" ] },\n"
        + "  \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }\n}\n";
    Path file = LAB.lab().uniqueFile(name, ".vpn");
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
