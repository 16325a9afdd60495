package dev.fulmar.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Hello;
import dev.fulmar.control.message.SecretText;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolBasicsTest {

  @Test
  void negotiatesTheHighestCommonVersion() {
    assertThat(ProtocolVersion.negotiate(1, 1)).isEqualTo(1);
    assertThat(ProtocolVersion.negotiate(1, 9)).isEqualTo(ProtocolVersion.MAX);
    assertThat(ProtocolVersion.negotiate(ProtocolVersion.MAX + 1, 9)).isEqualTo(-1);
  }

  @Test
  void helloRejectsAnEmptyVersionRange() {
    assertThatThrownBy(() -> new Hello(2, 1, "x", "1")).hasMessageContaining("minVersion");
    assertThatThrownBy(() -> new Hello(0, 1, "x", "1")).hasMessageContaining("minVersion");
  }

  @Test
  void socketPathsPerOs() {
    assertThat(SocketPaths.forOs("Linux", Map.of())).isEqualTo(Path.of("/run/fulmar/control.sock"));
    assertThat(SocketPaths.forOs("Mac OS X", Map.of()))
        .isEqualTo(Path.of("/var/run/fulmar/control.sock"));
    assertThat(SocketPaths.forOs("Windows 11", Map.of("ProgramData", "D:\\PD")).toString())
        .contains("Fulmar").endsWith("control.sock");
    assertThat(SocketPaths.forOs("Linux", Map.of("FULMAR_SOCKET", "/tmp/x.sock")))
        .isEqualTo(Path.of("/tmp/x.sock"));
    assertThat(SocketPaths.startHint("Linux")).contains("systemctl start fulmard")
        .contains("bin/fulmard daemon");
  }

  @Test
  void secretsAreRedactedComparedAndWiped() {
    SecretText s = SecretText.of("p4ss".toCharArray());
    assertThat(s).hasToString("[redacted]");
    assertThat(s).isEqualTo(SecretText.of("p4ss".toCharArray()));
    assertThat(s).isNotEqualTo(SecretText.of("p4sS".toCharArray()));
    Credentials c = new Credentials("bob", s, SecretText.of("x".toCharArray()), null);
    assertThat(c.toString()).doesNotContain("p4ss").contains("bob");
    c.close();
    assertThat(s.isWiped()).isTrue();
    assertThatThrownBy(s::chars).isInstanceOf(IllegalStateException.class);
    AnswerPrompt a = AnswerPrompt.answer("p", null, "otp123".toCharArray());
    assertThat(a.toString()).doesNotContain("otp123");
  }

  @Test
  void anAnswerNeedsASecretUnlessItCancels() {
    assertThatThrownBy(() -> new AnswerPrompt("p", false, null, null))
        .hasMessageContaining("secret or cancel");
    assertThat(AnswerPrompt.cancel("p").cancel()).isTrue();
  }
}
