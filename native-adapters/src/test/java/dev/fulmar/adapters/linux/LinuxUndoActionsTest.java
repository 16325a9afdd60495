package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxUndoActionsTest {

  private final RecordingRunner runner = new RecordingRunner();
  private final LinuxUndoActions actions = new LinuxUndoActions(runner);

  @Test
  void deletesExactlyTheRecordedRoute() throws IOException {
    actions.undo(LinuxUndoActions.deleteRoute(
        List.of("203.0.113.1/32", "via", "192.0.2.1", "dev", "eth0")));
    assertThat(runner.commands).containsExactly("ip route del 203.0.113.1/32 via 192.0.2.1 dev eth0");
  }

  @Test
  void aRouteThatIsAlreadyGoneCountsAsDeleted() throws IOException {
    LinuxUndoActions gone = new LinuxUndoActions(new RecordingRunner(
        c -> new CommandRunner.Result(2, "", "RTNETLINK answers: No such process")));
    gone.undo(LinuxUndoActions.deleteRoute(List.of("0.0.0.0/1", "dev", "fulmar0")));
  }

  @Test
  void refusesStepsThatWereTamperedWith() {
    assertThatThrownBy(() -> actions.undo(UndoStep.of("route.delete", "10.0.0.0/8", "dev",
        "eth0", "onlink;reboot", "x"))).hasMessageContaining("unexpected route attribute");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("route.delete", "10.0.0.0/8", "dev")))
        .hasMessageContaining("malformed route");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("tun.delete", "eth0 down")))
        .hasMessageContaining("invalid name");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("file.restore", "etc/resolv.conf",
        "/run/x", "0".repeat(64)))).hasMessageContaining("absolute");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("file.restore", "/etc/../etc/shadow",
        "/run/x", "0".repeat(64)))).hasMessageContaining("normal");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("shell.run", "rm -rf /")))
        .hasMessageContaining("unknown undo step kind shell.run");
    assertThatThrownBy(() -> actions.undo(UndoStep.of("address.delete", "fulmar0")))
        .hasMessageContaining("lacks argument 2");
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void leavesADeviceThatIsNotATunAlone() throws IOException {
    RecordingRunner r = new RecordingRunner(c -> new CommandRunner.Result(0,
        "5: fulmar0: <BROADCAST> mtu 1500\n    link/ether 00:11:22:33:44:55\n    veth \n", ""));
    new LinuxUndoActions(r).undo(LinuxUndoActions.deleteTunDevice("fulmar0"));
    assertThat(r.commands).containsExactly("ip -d link show dev fulmar0");
  }
}
