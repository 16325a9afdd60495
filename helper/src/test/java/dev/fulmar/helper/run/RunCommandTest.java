package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.UndoStep;
import dev.fulmar.helper.diagnose.SecretInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fulmard run} and {@code fulmard cleanup} as a user calls them, up to the point where the
 * operating system is touched (the ITs in interop-tests go further): exit codes and messages for
 * a bad profile, leftovers of a crashed run, a missing privilege and a second helper.
 */
class RunCommandTest {
  @TempDir Path dir;
  private final FakePlatform platform = new FakePlatform();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    SecretInput input = new SecretInput() {
      @Override
      public char[] readLine() {
        return "correct horse".toCharArray();
      }

      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public Optional<char[]> prompt(String what) {
        return Optional.empty();
      }
    };
    RunCommand cmd = new RunCommand(journal -> platform, input, print(out), print(err));
    return new CommandLine(cmd).execute(args);
  }

  private int cleanup(String... args) {
    return new CommandLine(new CleanupCommand(journal -> platform, print(out), print(err)))
        .execute(args);
  }

  @Test
  void anInvalidProfileExitsWith3BeforeTouchingTheSystem() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.vpn"), "{ \"format\": \"fulmar-profile\" }");

    assertThat(run(bad.toString(), "--journal-dir", dir.resolve("j").toString())).isEqualTo(3);
    assertThat(err.toString()).startsWith("fulmard run: ");
    assertThat(platform.recoveries).isZero();
  }

  @Test
  void removesLeftoversThenNamesTheFailedStepAndTheFix() throws IOException {
    platform.leftovers.add(UndoStep.of("route.delete", "0.0.0.0/1", "dev", "fulmar0"));

    int code = run(profile().toString(), "--password-stdin", "--journal-dir",
        dir.resolve("j").toString());

    assertThat(code).isEqualTo(RunCommand.SYSTEM_FAILED);
    assertThat(out.toString()).contains("CLEANUP: undid what an earlier run left behind:"
        + " [route.delete 0.0.0.0/1 dev fulmar0]");
    assertThat(err.toString()).contains("CREATE_ADAPTER failed")
        .contains("needs CAP_NET_ADMIN: run fulmard as root");
  }

  @Test
  void aLeftoverThatCannotBeUndoneStopsTheRun() throws IOException {
    platform.stuck.add(new RollbackReport.Failure(
        UndoStep.of("file.restore", "/etc/resolv.conf"), "read-only file system"));

    int code = run(profile().toString(), "--journal-dir", dir.resolve("j").toString());

    assertThat(code).isEqualTo(RunCommand.SYSTEM_FAILED);
    assertThat(err.toString()).contains("cannot undo file.restore /etc/resolv.conf:"
        + " read-only file system");
  }

  @Test
  void aSecondHelperOnTheSameJournalIsRefused() throws IOException {
    Path journal = dir.resolve("j");
    try (HelperLock held = HelperLock.acquire(journal)) {
      assertThat(run(profile().toString(), "--journal-dir", journal.toString()))
          .isEqualTo(RunCommand.SYSTEM_FAILED);
      assertThat(cleanup("--journal-dir", journal.toString()))
          .isEqualTo(RunCommand.SYSTEM_FAILED);
    }
    assertThat(err.toString()).contains("another fulmard (pid");
    assertThat(platform.recoveries).isZero();
  }

  @Test
  void cleanupSaysWhatItUndidOrThatThereWasNothing() {
    String journal = dir.resolve("j").toString();
    assertThat(cleanup("--journal-dir", journal)).isZero();
    platform.leftovers.add(UndoStep.of("tun.delete", "fulmar0"));
    assertThat(cleanup("--journal-dir", journal)).isZero();

    assertThat(out.toString()).isEqualTo("nothing to clean up\nundone: tun.delete fulmar0\n");
  }

  /** A valid profile whose gateway is this host, so no packet leaves it. */
  private Path profile() throws IOException {
    return Files.writeString(dir.resolve("local.vpn"), "{ \"format\": \"fulmar-profile\","
        + " \"version\": 1, \"name\": \"local\", \"gateway\": { \"host\": \"127.0.0.1\" },"
        + " \"trust\": { \"systemTrustStore\": true },"
        + " \"auth\": { \"method\": \"eap-mschapv2\", \"username\": \"alice\" } }");
  }

  private static PrintStream print(ByteArrayOutputStream b) {
    return new PrintStream(b, true, StandardCharsets.UTF_8);
  }
}
