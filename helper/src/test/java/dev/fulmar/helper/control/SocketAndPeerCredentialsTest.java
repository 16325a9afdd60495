package dev.fulmar.helper.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.adapters.linux.LinuxPeerCredentials;
import dev.fulmar.control.Limits;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.message.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The socket's permissions and the real {@code SO_PEERCRED} path: this process (root) is an
 * administrator; a process forked as {@code nobody} reaches the socket (its group may) but is
 * refused by the helper because it is not in group {@code fulmar}, and the refusal is logged.
 */
class SocketAndPeerCredentialsTest {
  private static final String CLIENT = """
      import java.net.*; import java.nio.*; import java.nio.channels.*;
      import java.nio.charset.StandardCharsets;
      public class Client {
        public static void main(String[] a) throws Exception {
          try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {
            try {
              c.write(ByteBuffer.wrap(("{\\"type\\":\\"hello\\",\\"id\\":1,\\"minVersion\\":1,"
                  + "\\"maxVersion\\":1,\\"client\\":\\"child\\"}\\n").getBytes()));
            } catch (java.io.IOException e) {
              // refused before the hello went out: the reason is still there to read
            }
            ByteBuffer in = ByteBuffer.allocate(4096);
            try {
              while (c.read(in) > 0) { }
            } catch (java.io.IOException e) {
              // the helper closed; print what came before
            }
            System.out.print(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
          }
        }
      }
      """;
  private Path base;

  @BeforeEach
  void makeDir() throws IOException {
    base = Files.createTempDirectory(Path.of("/tmp"), "fulmar-ctl",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  @AfterEach
  void removeDir() throws IOException {
    try (var files = Files.walk(base)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private ControlServer start(String group, LogRing log) throws IOException {
    ServerConfig config = ServerConfig.defaults(base.resolve("run/control.sock"), "test")
        .withSocketGroup(group).withStatsInterval(Duration.ZERO);
    return ControlServer.start(config, new ServerEnvironment(
        new InMemoryTunnelService(Clock.systemUTC()), new InMemorySystemConfig(List.of()),
        new LinuxPeerCredentials(), log, Clock.systemUTC(), System::nanoTime));
  }

  @Test
  void theSocketIsOpenToRootAndItsGroupOnly() throws IOException {
    LogRing log = new LogRing(100, Clock.systemUTC(), new Redactor());
    try (ControlServer s = start("root", log)) {
      PosixFileAttributes sock = Files.readAttributes(s.socket(), PosixFileAttributes.class);
      assertThat(PosixFilePermissions.toString(sock.permissions())).isEqualTo("rw-rw----");
      assertThat(sock.group().getName()).isEqualTo("root");
      PosixFileAttributes d = Files.readAttributes(s.socket().getParent(),
          PosixFileAttributes.class);
      assertThat(PosixFilePermissions.toString(d.permissions())).isEqualTo("rwxr-x---");
    }
  }

  @Test
  void aLeftoverSocketIsReplacedButALiveHelperIsNot() throws IOException {
    LogRing log = new LogRing(100, Clock.systemUTC(), new Redactor());
    try (ControlServer s = start("root", log)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> start("root", log))
          .hasMessageContaining("another helper");
    }
    Files.createDirectories(base.resolve("run"));
    Files.writeString(base.resolve("run/control.sock"), "stale");
    try (ControlServer s = start("root", log)) {
      assertThat(Files.exists(s.socket())).isTrue();
    }
  }

  @Test
  void thisRootProcessIsIdentifiedAsAdministrator() throws Exception {
    requireRoot();
    LogRing log = new LogRing(100, Clock.systemUTC(), new Redactor());
    try (ControlServer s = start("root", log);
        ControlClient c = ControlClient.connect(s.socket(), "test", "1")) {
      assertThat(c.welcome().peer().uid()).isZero();
      assertThat(c.welcome().peer().role()).isEqualTo(Role.ADMIN);
    }
  }

  @Test
  void anotherUsersProcessIsRefusedAndLogged() throws Exception {
    requireRoot();
    LogRing log = new LogRing(Limits.LOG_RING_LINES, Clock.systemUTC(), new Redactor());
    try (ControlServer s = start("nogroup", log)) {
      Path src = base.resolve("Client.java");
      Files.writeString(src, CLIENT);
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534",
          "--clear-groups", java, src.toString(), s.socket().toString())
          .redirectErrorStream(true).start();
      try {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("NOT_PERMITTED").contains("uid 65534")
            .contains("group 'fulmar'");
      } finally {
        p.destroyForcibly();
      }
      assertThat(log.tail(100, 0)).anySatisfy(l ->
          assertThat(l.message()).contains("refused").contains("uid 65534"));
    }
  }

  /** These tests need root (to be uid 0, and to fork as nobody): they fail, naming it. */
  private static void requireRoot() {
    assertThat(System.getProperty("user.name"))
        .as("SO_PEERCRED tests run as root (sudo bin/test-all)").isEqualTo("root");
  }
}
