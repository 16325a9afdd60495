package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Namespace naming, prerequisite messages and the cookie decoy message, without root. */
class LabPlumbingTest {

  @Test
  void namespaceNamesIdentifyThisJvmAsAlive() {
    String name = LabRuns.namespaceName(7, "gateway");
    assertThat(name).startsWith(LabRuns.PREFIX + ProcessHandle.current().pid() + "-")
        .endsWith("-7-gateway");
    assertThat(LabRuns.ownerAlive(name)).isTrue();
  }

  @Test
  void foreignNamespacesAreNeverJudgedStale() {
    assertThat(LabRuns.ownerAlive("fulmar-t-8e985682")).isTrue();
    assertThat(LabRuns.ownerAlive("flab-not-a-lab")).isTrue();
  }

  @Test
  void missingPrerequisitesNameTheirPackagesAndTheInstallCommand() {
    List<String> missing = Prerequisites.missing(false, false, Path.of("/nonexistent"),
        program -> program.equals("tshark") ? null : Path.of("/usr/bin/" + program));
    String message = Prerequisites.message(missing);

    assertThat(missing).contains(
        "root privileges (the lab creates network namespaces and mounts)",
        "program 'tshark' (Debian package tshark)",
        "strongSwan plugin 'openssl' (Debian package libstrongswan-standard-plugins)",
        "strongSwan plugin 'eap-mschapv2' (Debian package libcharon-extauth-plugins)",
        "strongSwan plugin 'kernel-libipsec' (Debian package libcharon-extra-plugins)");
    assertThat(missing).anyMatch(m -> m.startsWith("/dev/net/tun"));
    assertThat(message).contains("sudo bin/install-test-deps", "sudo bin/test-all");
  }

  @Test
  void nothingMissingWhenEverythingIsThere() {
    assertThat(Prerequisites.missing(true, true, Path.of("/"), p -> Path.of("/bin/true")))
        .allMatch(m -> m.startsWith("strongSwan plugin")); // "/" holds no plugins
  }

  @Test
  void aKernelWithoutIpv6IsNamedForDualStackLabs(@TempDir Path dir) {
    assertThat(Prerequisites.missingIpv6(dir.resolve("ipv6")))
        .contains("no IPv6", "ipv6.disable=1");
    assertThat(Prerequisites.missingIpv6(dir)).isNull();
  }

  @Test
  void cookieDecoyIsAWellFormedIkeSaInit() {
    byte[] msg = CookieDecoy.ikeSaInit(new SecureRandom());
    ByteBuffer b = ByteBuffer.wrap(msg);

    assertThat(b.getLong(8)).as("responder SPI").isZero();
    assertThat(msg[16]).as("first payload SA").isEqualTo((byte) 33);
    assertThat(msg[17]).as("version 2.0").isEqualTo((byte) 0x20);
    assertThat(msg[18]).as("IKE_SA_INIT").isEqualTo((byte) 34);
    assertThat(msg[19]).as("initiator flag").isEqualTo((byte) 0x08);
    assertThat(b.getInt(24)).as("length").isEqualTo(msg.length);
    // walk the payload chain SA -> KE -> Nonce -> none, lengths adding up to the message
    int pos = 28;
    int next = 33;
    List<Integer> chain = new java.util.ArrayList<>();
    while (next != 0) {
      chain.add(next);
      next = msg[pos] & 0xff;
      pos += b.getShort(pos + 2) & 0xffff;
    }
    assertThat(chain).containsExactly(33, 34, 40);
    assertThat(pos).isEqualTo(msg.length);
    assertThat(b.getShort(28 + 40 + 4)).as("KE group Curve25519").isEqualTo((short) 31);
  }
}
