package dev.fulmar.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * diagnose run by a normal user: port 500 needs root, so it sends from an unprivileged port; the
 * gateway accepts that, and the report says so.
 */
class DiagnoseAsUserIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("engine-user");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void aNormalUserConnectsFromAnUnprivilegedPort() throws Exception {
    FulmarClient fulmar = new FulmarClient(lab);
    Path profile = fulmar.profile("user", PKI, "{ \"method\": \"eap-mschapv2\", \"username\": \""
        + GatewayConfig.EAP_USER + "\" }");
    Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(profile.getParent(), PosixFilePermissions.fromString(
        "rwxr-xr-x"));

    FulmarClient.Diagnosis d = fulmar.diagnoseAsNobody(profile, GatewayConfig.EAP_PASSWORD);

    assertThat(d.ok()).as(d.toString()).isTrue();
    assertThat(d.json().path("unprivilegedSourcePort").asBoolean()).isTrue();
    assertThat(d.field("localAddress")).doesNotEndWith(":500");
    assertThat(d.json().path("virtualIps").size()).isEqualTo(1);
    assertThat(Checks.awaitGone(gateway, d.field("ike", "spiInitiator"),
        java.time.Duration.ofSeconds(10))).isTrue();
  }
}
