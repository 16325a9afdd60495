package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One helper per journal; a dead holder never blocks the next one. */
class HelperLockTest {
  @TempDir Path dir;

  @Test
  void aSecondHolderIsRefusedWithTheFirstOnesPid() throws Exception {
    Path journal = dir.resolve("journal");
    try (HelperLock held = HelperLock.acquire(journal)) {
      assertThat(Files.readString(journal.resolve(HelperLock.FILE_NAME)).trim())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThatThrownBy(() -> HelperLock.acquire(journal)).isInstanceOf(IOException.class)
          .hasMessageContaining("another fulmard (pid " + ProcessHandle.current().pid() + ")");
    }
  }

  @Test
  void theLockIsFreeAgainOnceReleased() throws Exception {
    HelperLock.acquire(dir).close();
    try (HelperLock again = HelperLock.acquire(dir)) {
      assertThat(again).isNotNull();
    }
  }
}
