package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key log is what Wireshark needs: a capture of a Fulmar handshake, read by tshark with the
 * two files {@code fulmard diagnose --key-log} wrote as its ikev2_decryption_table and esp_sa,
 * shows the EAP conversation inside IKE_AUTH; without them it shows none.
 */
class KeyLogIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-keylog");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void wiresharkDecryptsIkeAuthWithTheKeyLog() throws Exception {
    FulmarClient fulmar = new FulmarClient(lab);
    Path profile = fulmar.profile("keylog", PKI, "{ \"method\": \"eap-mschapv2\", \"username\":"
        + " \"" + GatewayConfig.EAP_USER + "\" }");
    Path keys = lab.uniqueDir("keys");
    PacketCapture cap = lab.capture(lab.gateway(), "g0", "udp port 500 or udp port 4500");
    FulmarClient.Diagnosis d = fulmar.diagnose(profile, GatewayConfig.EAP_PASSWORD,
        "--key-log", keys.toString());
    assertThat(d.ok()).as(d.toString()).isTrue();
    assertThat(d.stderr()).contains("WARNING").contains("decrypt");
    Path pcap = cap.stop();

    Path home = lab.uniqueDir("tshark-home");
    Path conf = Files.createDirectories(home.resolve(".config/wireshark"));
    Files.copy(keys.resolve("ikev2_decryption_table"), conf.resolve("ikev2_decryption_table"));
    Files.copy(keys.resolve("esp_sa"), conf.resolve("esp_sa"));
    assertThat(eapPackets(pcap, home)).isGreaterThanOrEqualTo(4);
    assertThat(eapPackets(pcap, lab.uniqueDir("tshark-no-keys"))).isZero();
    assertThat(Files.readAllLines(keys.resolve("esp_sa"))).hasSize(2);
  }

  /** EAP messages tshark finds in the capture with the Wireshark config under {@code home}. */
  private static int eapPackets(Path pcap, Path home) {
    Cmd.Result r = Cmd.probe(Duration.ofSeconds(60), null, List.of("env", "HOME=" + home,
        "XDG_CONFIG_HOME=" + home.resolve(".config"), "tshark", "-n", "-r", pcap.toString(),
        "-Y", "eap", "-T", "fields", "-e", "frame.number"));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return (int) r.stdout().lines().filter(l -> !l.isBlank()).count();
  }
}
