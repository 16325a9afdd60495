package dev.fulmar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
  @TempDir Path dir;

  @Test
  void aSecondStartHandsItsFileToTheRunningApp() throws Exception {
    Path socket = dir.resolve("run/app.sock");
    LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
    try (SingleInstance first = SingleInstance.listen(socket, got::add)) {
      assertThat(SingleInstance.handOver(socket, "import\t/home/a/office.vpn")).isTrue();
      assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("import\t/home/a/office.vpn");
      assertThat(SingleInstance.handOver(socket, "show")).isTrue();
      assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("show");
    }
    assertThat(socket).doesNotExist();
  }

  @Test
  void aStaleSocketFileMeansNobodyRunsAndIsRemoved() throws Exception {
    Path socket = Files.createFile(dir.resolve("app.sock"));
    assertThat(SingleInstance.handOver(socket, "show")).isFalse();
    assertThat(socket).doesNotExist();
    assertThat(SingleInstance.handOver(dir.resolve("none.sock"), "show")).isFalse();
  }

  @Test
  void aDirectoryOthersCanReachIsRefused() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        SingleInstance.listen(shared.resolve("app.sock"), s -> { }))
        .hasMessageContaining("open to others");
  }

  @Test
  void junkRequestsAreIgnored() throws Exception {
    Path socket = dir.resolve("app.sock");
    LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
    try (SingleInstance first = SingleInstance.listen(socket, got::add)) {
      assertThat(SingleInstance.handOver(socket, "rm -rf /")).isFalse();
      assertThat(got).isEmpty();
    }
  }
}
