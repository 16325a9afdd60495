package dev.fulmar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppArgsTest {

  @Test
  void readsOptionsAndTheProfileFile() throws Exception {
    AppArgs a = AppArgs.parse(List.of("--minimized", "--socket", "/tmp/s.sock",
        "--demo-profile", "/tmp/demo.vpn", "office.sswan"));
    assertThat(a.minimized()).isTrue();
    assertThat(a.socket()).isEqualTo(Path.of("/tmp/s.sock"));
    assertThat(a.demoProfile()).isEqualTo(Path.of("/tmp/demo.vpn"));
    assertThat(a.file()).isEqualTo(Path.of("office.sswan"));
  }

  @Test
  void fileUrisFromFileManagersBecomePaths() throws Exception {
    assertThat(AppArgs.parse(List.of("file:///home/a/My%20VPN.vpn")).file())
        .isEqualTo(Path.of("/home/a/My VPN.vpn"));
  }

  @Test
  void helpIsNotAnError() throws Exception {
    assertThat(AppArgs.parse(List.of("--help"))).isNull();
    assertThat(AppArgs.USAGE).contains("--minimized").contains("FILE");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> AppArgs.parse(List.of("--frobnicate")))
        .hasMessageContaining("unknown option '--frobnicate'");
    assertThatThrownBy(() -> AppArgs.parse(List.of("--socket")))
        .hasMessageContaining("--socket needs a value");
    assertThatThrownBy(() -> AppArgs.parse(List.of("a.vpn", "b.vpn")))
        .hasMessageContaining("at most one profile file");
  }
}
