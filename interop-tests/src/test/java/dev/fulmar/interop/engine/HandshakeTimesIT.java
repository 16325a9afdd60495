package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Handshake;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handshake times, Fulmar next to strongSwan's own client, in the same lab and the same run
 * (EAP-MSCHAPv2, aes256gcm16-prfsha384-ecp384, virtual IP and DNS): printed and appended to
 * target/lab/measurements.txt. A benchmark: it asserts only that every handshake succeeded.
 */
class HandshakeTimesIT {
  private static final Pki PKI = Pki.shared();
  private static final int RUNS = 20;
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-times");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .ikeProposals("aes256gcm16-prfsha384-ecp384").build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void fulmarNextToStrongSwan() throws Exception {
    StrongSwanClient strongswan = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .ikeProposals("aes256gcm16-prfsha384-ecp384").build());
    List<Handshake> theirs = strongswan.repeatHandshakes("full", RUNS);
    strongswan.stop();
    assertThat(theirs).allMatch(Handshake::success);

    FulmarClient fulmar = new FulmarClient(lab);
    Path profile = fulmar.profile("times", PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }",
        "\"proposals\": { \"ike\": [ \"aes256gcm16-prfsha384-ecp384\" ] }");
    List<Double> cold = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FulmarClient.Diagnosis d = fulmar.diagnose(profile, GatewayConfig.EAP_PASSWORD);
      assertThat(d.ok()).as(d.toString()).isTrue();
      cold.add(d.json().path("totalMs").asDouble());
    }
    List<Double> warm = bench(profile);

    Measurements.record("handshake strongSwan 5.9.8 client (swanctl --initiate)",
        Measurements.summarize(theirs));
    Measurements.record("handshake Fulmar, fulmard diagnose in a fresh JVM", summary(cold));
    Measurements.record("handshake Fulmar, warm engine (runs 2.." + RUNS + " in one JVM)",
        summary(warm));
  }

  private static List<Double> bench(Path profile) throws Exception {
    Path secret = Files.createTempFile(profile.getParent(), "pw", ".txt");
    Files.writeString(secret, GatewayConfig.EAP_PASSWORD + "\n", StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Cmd.Result r = Cmd.probe(Duration.ofSeconds(180), secret, lab.client().wrap(List.of(java,
        "-cp", System.getProperty("java.class.path"), HandshakeBench.class.getName(),
        profile.toString(), String.valueOf(RUNS))));
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();

    List<Double> warm = new ArrayList<>();
    r.stdout().lines().filter(l -> l.startsWith("run ")).skip(1)
        .forEach(l -> warm.add(Double.parseDouble(l.split(" ")[2])));
    assertThat(warm).hasSize(RUNS - 1);
    return warm;
  }

  static String summary(List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    s.sort(null);
    double median = s.size() % 2 == 1 ? s.get(s.size() / 2)
        : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f, n=%d)", median,
        s.get(0), s.get(s.size() - 1), s.size());
  }
}
