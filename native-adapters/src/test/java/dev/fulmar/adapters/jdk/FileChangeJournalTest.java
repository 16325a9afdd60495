package dev.fulmar.adapters.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangeJournalTest {

  @TempDir Path dir;
  private final List<UndoStep> executed = new ArrayList<>();
  private final UndoExecutor recorder = executed::add;

  @Test
  void recordedStepsSurviveIntoAFreshInstance() throws IOException {
    FileChangeJournal j = FileChangeJournal.open(dir.resolve("j"), "network", recorder);
    j.record(UndoStep.of("route.delete", "10.0.0.0/8", "fulmar0"));
    j.record(UndoStep.of("file.restore", "/etc/resolv.conf", "with\ttab and %"));

    FileChangeJournal reopened = FileChangeJournal.open(dir.resolve("j"), "network", recorder);
    assertThat(reopened.pending()).isEqualTo(j.pending());
    assertThat(reopened.pending().get(1).args()).containsExactly("/etc/resolv.conf", "with\ttab and %");
  }

  @Test
  void rollbackUndoesNewestFirstAndEmptiesTheJournal() throws IOException {
    FileChangeJournal j = FileChangeJournal.open(dir, "network", recorder);
    UndoStep a = UndoStep.of("a.first");
    UndoStep b = UndoStep.of("b.second");
    j.record(a);
    j.record(b);
    RollbackReport r = j.rollback();
    assertThat(executed).containsExactly(b, a);
    assertThat(r.complete()).isTrue();
    assertThat(r.undone()).containsExactly(b, a);
    assertThat(Files.exists(dir.resolve("network.journal"))).isFalse();
    assertThat(FileChangeJournal.open(dir, "network", recorder).pending()).isEmpty();
  }

  @Test
  void aFailingStepStaysPendingAndDoesNotStopTheOthers() throws IOException {
    UndoExecutor flaky =
        s -> {
          if (s.kind().equals("b.fails")) {
            throw new IOException("device busy");
          }
          executed.add(s);
        };
    FileChangeJournal j = FileChangeJournal.open(dir, "network", flaky);
    j.record(UndoStep.of("a.ok"));
    j.record(UndoStep.of("b.fails"));
    j.record(UndoStep.of("c.ok"));
    RollbackReport r = j.rollback();
    assertThat(executed).extracting(UndoStep::kind).containsExactly("c.ok", "a.ok");
    assertThat(r.failed()).singleElement().satisfies(f -> {
      assertThat(f.step().kind()).isEqualTo("b.fails");
      assertThat(f.reason()).isEqualTo("device busy");
    });
    assertThat(FileChangeJournal.open(dir, "network", flaky).pending())
        .extracting(UndoStep::kind)
        .containsExactly("b.fails");
  }

  @Test
  void discardRemovesTheLatestEqualStepOnly() throws IOException {
    FileChangeJournal j = FileChangeJournal.open(dir, "network", recorder);
    UndoStep s = UndoStep.of("route.delete", "10.0.0.0/8");
    j.record(s);
    j.record(UndoStep.of("other.step"));
    j.record(s);
    j.discard(s);
    assertThat(j.pending()).containsExactly(s, UndoStep.of("other.step"));
    j.discard(UndoStep.of("never.recorded"));
    assertThat(j.pending()).hasSize(2);
  }

  @Test
  void theDirectoryIsPrivate() throws IOException {
    Path d = dir.resolve("run/fulmar");
    FileChangeJournal.open(d, "network", recorder).record(UndoStep.of("a.b"));
    assertThat(Files.getPosixFilePermissions(d))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void unreadableLinesAreReportedNotFatal() throws IOException {
    Files.writeString(
        dir.resolve("network.journal"),
        FileChangeJournal.HEADER + "\nroute.delete\t10.0.0.0/8\nBad Kind\tx\nlink.delete\t%zz\n",
        StandardCharsets.UTF_8);
    FileChangeJournal j = FileChangeJournal.open(dir, "network", recorder);
    RollbackReport r = j.rollback();
    assertThat(executed).containsExactly(UndoStep.of("route.delete", "10.0.0.0/8"));
    assertThat(r.failed()).extracting(f -> f.reason())
        .containsExactly("Bad Kind\tx", "link.delete\t%zz");
  }

  @Test
  void recoveryRunsEveryJournalInTheGivenOrderAndDropsTornTempFiles() throws IOException {
    FileChangeJournal.open(dir, "killswitch", recorder).record(UndoStep.of("nft.delete-table"));
    FileChangeJournal.open(dir, "network", recorder).record(UndoStep.of("route.delete", "x"));
    FileChangeJournal.open(dir, "extra", recorder).record(UndoStep.of("extra.thing"));
    Files.writeString(dir.resolve("network.journal.tmp"), "half a wri");
    RollbackReport r = JournalDirectory.recover(dir, recorder, List.of("network", "killswitch"));
    assertThat(executed).extracting(UndoStep::kind)
        .containsExactly("route.delete", "nft.delete-table", "extra.thing");
    assertThat(r.complete()).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Property(tries = 300)
  void anyArgumentsRoundTripThroughTheFileFormat(
      @ForAll @Size(max = 8) List<@StringLength(max = 60) String> args) throws IOException {
    List<String> clean = args.stream().filter(a -> a.chars().noneMatch(c -> c == '\n'
        || c == '\r' || c == 0)).toList();
    UndoStep step = new UndoStep("any.kind", clean);
    List<UndoStep> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    JournalCodec.decode(
        List.of(JournalCodec.encode("#", List.of(step)).split("\n", -1)), out, bad);
    assertThat(bad).isEmpty();
    assertThat(out).containsExactly(step);
  }

  @Property(tries = 300)
  void arbitraryLinesDecodeToStepsOrAreSetAside(
      @ForAll @Size(max = 8) List<@StringLength(max = 80) String> lines) {
    List<UndoStep> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    JournalCodec.decode(lines, out, bad);
    assertThat(out.size() + bad.size()).isLessThanOrEqualTo(lines.size());
    assertThat(Set.copyOf(out)).allSatisfy(s -> assertThat(s.kind()).isNotEmpty());
  }
}
