package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedDnsTest {

  @TempDir Path dir;
  private final RecordingRunner runner = new RecordingRunner();

  @Test
  void splitDnsSetsServersSearchAndRoutingDomainsOnTheTunnelLinkOnly() throws IOException {
    FileChangeJournal journal = FileChangeJournal.open(dir, "network", new LinuxUndoActions(runner));
    new ResolvedDns(runner).apply("fulmar0",
        new DnsSettings(List.of(ip("198.51.100.53"), ip("2001:db8::53")), List.of("corp.example"),
            List.of("lab.example", "corp.test")),
        RoutingMode.SPLIT, journal);
    assertThat(runner.commands).containsExactly(
        "resolvectl dns fulmar0 198.51.100.53 2001:db8::53",
        "resolvectl domain fulmar0 corp.example ~lab.example ~corp.test",
        "resolvectl default-route fulmar0 false");
    assertThat(journal.pending()).containsExactly(LinuxUndoActions.revertResolvedLink("fulmar0"));
  }

  @Test
  void fullTunnelRoutesEveryNameThroughTheTunnel() throws IOException {
    FileChangeJournal journal = FileChangeJournal.open(dir, "network", new LinuxUndoActions(runner));
    new ResolvedDns(runner).apply("fulmar0",
        new DnsSettings(List.of(ip("198.51.100.53")), List.of(), List.of()),
        RoutingMode.FULL, journal);
    assertThat(runner.commands).containsExactly(
        "resolvectl dns fulmar0 198.51.100.53",
        "resolvectl domain fulmar0 ~.",
        "resolvectl default-route fulmar0 true");
  }

  @Test
  void splitTunnelWithoutDomainsAnswersEverythingItIsAsked() throws IOException {
    FileChangeJournal journal = FileChangeJournal.open(dir, "network", new LinuxUndoActions(runner));
    new ResolvedDns(runner).apply("fulmar0",
        new DnsSettings(List.of(ip("198.51.100.53")), List.of(), List.of()),
        RoutingMode.SPLIT, journal);
    assertThat(runner.commands).containsExactly(
        "resolvectl dns fulmar0 198.51.100.53", "resolvectl default-route fulmar0 true");
  }

  @Test
  void revertingALinkThatIsGoneSucceedsAndOtherFailuresAreReported() throws IOException {
    RecordingRunner gone = new RecordingRunner(cmd -> new CommandRunner.Result(1, "",
        "Failed to resolve interface \"fulmar0\": No such device"));
    new ResolvedDns(gone).revert("fulmar0");
    RecordingRunner broken = new RecordingRunner(cmd -> new CommandRunner.Result(1, "",
        "Failed to revert interface configuration: Access denied"));
    assertThatThrownBy(() -> new ResolvedDns(broken).revert("fulmar0"))
        .hasMessageContaining("resolvectl revert fulmar0").hasMessageContaining("Access denied");
  }
}
