package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What every successful Fulmar run against a lab gateway must show on both sides. */
final class Checks {
  private Checks() {}

  /** The client's report and the gateway's SA, seen while the client held the SAs up. */
  record Connected(FulmarClient.Diagnosis client, IkeSa gateway) {}

  /**
   * Runs {@code fulmard diagnose --hold} and checks, while the SAs are up, that the gateway's
   * list-sas shows them ESTABLISHED with our SPI, the virtual IP we report and the same IKE and ESP
   * algorithms; and afterwards that the gateway has no SA left.
   */
  static Connected connect(FulmarClient fulmar, StrongSwanGateway gateway, Path profile,
      String secret, String connection, String... args) {
    List<String> all = new ArrayList<>(List.of("--hold", "6"));
    all.addAll(List.of(args));
    CompletableFuture<FulmarClient.Diagnosis> run =
        fulmar.diagnoseAsync(profile, secret, all.toArray(new String[0]));
    IkeSa sa = gateway.awaitSa(s -> s.established() && !s.remoteVips().isEmpty()
        && s.children().stream().anyMatch(c -> c.installed()), Duration.ofSeconds(60))
        .orElse(null);
    FulmarClient.Diagnosis d = run.join();
    assertThat(sa).as("the gateway's established SA; client: %s%ngateway log:%n%s", d,
        gateway.logTail(30)).isNotNull();
    assertThat(d.ok()).as(d.toString()).isTrue();
    assertThat(sa.name()).isEqualTo(connection);
    assertThat(sa.initiatorSpi()).isEqualTo(d.field("ike", "spiInitiator"));
    assertThat(sa.responderSpi()).isEqualTo(d.field("ike", "spiResponder"));
    assertThat(sa.remoteVips()).containsExactly(d.json().path("virtualIps").path(0).asText());
    assertThat(sa.keyExchanges()).containsExactlyElementsOf(ianaNames(d));
    assertThat(d.json().path("deleted").asBoolean()).as("the gateway confirmed the delete")
        .isTrue();
    assertThat(awaitGone(gateway, sa.initiatorSpi(), Duration.ofSeconds(10)))
        .as("deleted at the gateway").isTrue();
    Measurements.record("Fulmar diagnose handshake (cold JVM) via " + connection + " "
        + d.field("ike", "proposal"), d.field("totalMs") + " ms, round trips "
        + d.json().path("exchanges").findValuesAsText("ms"));
    return new Connected(d, sa);
  }

  /** Waits until the gateway lists no IKE SA with our SPI. */
  static boolean awaitGone(StrongSwanGateway gateway, String initiatorSpi, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      if (gateway.listSas().stream().noneMatch(s -> initiatorSpi.equals(s.initiatorSpi()))) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** Our key exchanges in strongSwan's names (CURVE_25519, ECP_384, ML_KEM_768, ...). */
  static List<String> ianaNames(FulmarClient.Diagnosis d) {
    List<String> out = new ArrayList<>();
    d.json().path("ike").path("keyExchanges").forEach(n -> out.add(n.asText()
        .toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace("CURVE25519", "CURVE_25519")));
    return out;
  }
}
